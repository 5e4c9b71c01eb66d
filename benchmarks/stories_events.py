"""The events behind the story evaluation set, each told three ways (written for Newsreader).

Every event is invented for this set, told in three wordings as three outlets might
(different verbs, word order, details); events come in pairs of the same topic, so
the set holds hard negatives (same topic, another event).  Run this module to write
the labelled pairs::

    python benchmarks/stories_events.py > benchmarks/stories_eval.jsonl

Pairs: every two tellings of one event (same event), four cross pairs per topic
(same topic, different event) and a few pairs of unrelated events, each with the
hours between the two articles.
"""

from __future__ import annotations

import itertools
import json
import random
import sys

# (topic, [event, event]); an event is three (headline, lead) tellings.
#: Topics, each two events, each told three ways: ``(headline, lead)``.
Topics = list[tuple[str, list[list[tuple[str, str]]]]]

ARABIC: Topics = [
    (
        "زلزال",
        [
            [
                (
                    "زلزال بقوة 5.9 درجات يضرب إقليم الحوز فجر الثلاثاء",
                    "ضرب زلزال بلغت قوته 5.9 درجات إقليم الحوز جنوب مراكش فجر الثلاثاء، وخرج السكان إلى الشوارع.",
                ),
                (
                    "هزة أرضية عنيفة تهز الحوز وسكان مراكش يشعرون بها",
                    "شعر سكان مراكش بهزة أرضية قوية مركزها إقليم الحوز، وقدر المعهد الوطني قوتها بـ5.9 درجات.",
                ),
                (
                    "الحوز: أضرار في منازل طينية بعد زلزال الفجر",
                    "تضررت منازل طينية في قرى الحوز بعد الزلزال الذي وقع فجرا بقوة 5.9 درجات، ولا أنباء عن قتلى.",
                ),
            ],
            [
                (
                    "زلزال بقوة 4.7 درجات يضرب سواحل اللاذقية",
                    "سجل مركز الرصد زلزالا بقوة 4.7 درجات قبالة سواحل اللاذقية مساء الثلاثاء دون أضرار.",
                ),
                (
                    "هزة بحرية خفيفة قبالة اللاذقية تثير قلق الأهالي",
                    "أثارت هزة بحرية بقوة 4.7 درجات قلق سكان اللاذقية الذين غادر بعضهم المباني لبعض الوقت.",
                ),
                (
                    "مركز الرصد: لا أضرار جراء هزة اللاذقية",
                    "أكد مركز الرصد الزلزالي أن الهزة التي ضربت البحر قرب اللاذقية لم تخلف أضرارا.",
                ),
            ],
        ],
    ),
    (
        "فائدة",
        [
            [
                (
                    "البنك المركزي الأردني يرفع سعر الفائدة ربع نقطة مئوية",
                    "قرر البنك المركزي الأردني رفع أسعار الفائدة الرئيسية بمقدار ربع نقطة مئوية اعتبارا من الأحد.",
                ),
                (
                    "المركزي الأردني يزيد الفائدة 25 نقطة أساس",
                    "أعلن البنك المركزي في عمّان زيادة سعر الفائدة 25 نقطة أساس لكبح التضخم.",
                ),
                (
                    "عمّان: قرار رفع الفائدة يرفع أقساط القروض",
                    "يتوقع مصرفيون ارتفاع أقساط القروض في الأردن بعد قرار البنك المركزي رفع الفائدة ربع نقطة.",
                ),
            ],
            [
                (
                    "البنك المركزي المصري يثبت أسعار الفائدة للمرة الثالثة",
                    "أبقت لجنة السياسة النقدية في البنك المركزي المصري أسعار الفائدة دون تغيير للمرة الثالثة على التوالي.",
                ),
                (
                    "المركزي المصري يبقي الفائدة دون تغيير",
                    "قرر البنك المركزي المصري تثبيت سعري الإيداع والإقراض في اجتماعه مساء الخميس.",
                ),
                (
                    "تثبيت الفائدة في مصر وسط تراجع التضخم",
                    "برر البنك المركزي في القاهرة قرار الإبقاء على الفائدة بتباطؤ التضخم خلال الأشهر الأخيرة.",
                ),
            ],
        ],
    ),
    (
        "كرة القدم",
        [
            [
                (
                    "الوداد يفوز على الرجاء بهدفين في ديربي الدار البيضاء",
                    "حقق الوداد فوزا على غريمه الرجاء بهدفين دون رد في ديربي الدار البيضاء مساء السبت.",
                ),
                (
                    "ديربي البيضاء: الوداد يتغلب على الرجاء 2-0",
                    "تغلب الوداد على الرجاء 2-0 في مباراة الديربي التي احتضنها ملعب محمد الخامس.",
                ),
                (
                    "هدفان في الشوط الثاني يمنحان الوداد الديربي",
                    "سجل الوداد هدفيه في الشوط الثاني ليحسم ديربي الدار البيضاء أمام الرجاء.",
                ),
            ],
            [
                (
                    "الترجي يتعادل مع النجم الساحلي في سوسة",
                    "تعادل الترجي الرياضي مع النجم الساحلي بهدف لمثله في سوسة ضمن الدوري التونسي.",
                ),
                (
                    "تعادل إيجابي بين النجم والترجي في قمة الدوري",
                    "انتهت قمة الدوري التونسي بين النجم الساحلي والترجي بالتعادل 1-1 على ملعب سوسة.",
                ),
                (
                    "النجم الساحلي يفرض التعادل على الترجي",
                    "فرض النجم الساحلي التعادل على ضيفه الترجي بعدما أدرك هدف التعادل في الدقائق الأخيرة.",
                ),
            ],
        ],
    ),
    (
        "انتخابات",
        [
            [
                (
                    "نسبة المشاركة في الانتخابات البلدية بتونس تبلغ 28 في المئة",
                    "أعلنت هيئة الانتخابات في تونس أن نسبة المشاركة في الانتخابات البلدية بلغت 28 في المئة.",
                ),
                (
                    "هيئة الانتخابات التونسية: إقبال ضعيف على الاقتراع البلدي",
                    "وصفت هيئة الانتخابات الإقبال على الاقتراع البلدي بالضعيف بعدما لم تتجاوز المشاركة 28 في المئة.",
                ),
                (
                    "تونس: 28% فقط من الناخبين صوتوا في البلديات",
                    "لم يصوت في الانتخابات البلدية التونسية سوى 28% من المسجلين بحسب الأرقام الأولية.",
                ),
            ],
            [
                (
                    "الكويت تعلن نتائج انتخابات مجلس الأمة",
                    "أعلنت اللجنة العليا في الكويت نتائج انتخابات مجلس الأمة بعد فرز الأصوات طوال الليل.",
                ),
                (
                    "وجوه جديدة تدخل مجلس الأمة الكويتي",
                    "دخل 19 نائبا جديدا مجلس الأمة الكويتي وفق النتائج الرسمية التي أعلنت صباح الأحد.",
                ),
                (
                    "النتائج الرسمية لانتخابات الكويت: 19 نائبا جديدا",
                    "أظهرت النتائج الرسمية لانتخابات مجلس الأمة في الكويت فوز 19 مرشحا يدخلون البرلمان لأول مرة.",
                ),
            ],
        ],
    ),
    (
        "حريق",
        [
            [
                (
                    "حريق يلتهم سوقا شعبيا في مدينة صفاقس",
                    "اندلع حريق كبير في سوق شعبي وسط مدينة صفاقس فجر الجمعة وأتى على عشرات المحلات.",
                ),
                (
                    "النيران تأتي على عشرات المحلات في سوق صفاقس",
                    "أتت النيران على نحو أربعين محلا تجاريا في السوق القديم بصفاقس قبل أن يسيطر عليها الإطفاء.",
                ),
                (
                    "الحماية المدنية تسيطر على حريق سوق صفاقس",
                    "تمكنت الحماية المدنية من إخماد الحريق الذي شب في سوق صفاقس بعد ساعات من العمل.",
                ),
            ],
            [
                (
                    "حريق غابات في جبال عجلون يأتي على 300 دونم",
                    "أتى حريق اندلع في غابات عجلون شمال الأردن على نحو 300 دونم من الأشجار الحرجية.",
                ),
                (
                    "الدفاع المدني يكافح حريقا في أحراج عجلون",
                    "تواصل فرق الدفاع المدني منذ ساعات مكافحة حريق في أحراج عجلون وسط رياح قوية.",
                ),
                (
                    "عجلون: إخماد حريق الغابات بعد يومين",
                    "أعلنت السلطات إخماد حريق غابات عجلون بالكامل بعد يومين من اندلاعه في المنطقة الحرجية.",
                ),
            ],
        ],
    ),
    (
        "أمطار",
        [
            [
                (
                    "سيول تغلق طريق جدة مكة السريع",
                    "أغلقت السلطات طريق جدة مكة السريع بعد سيول جرفت عددا من السيارات مساء الأربعاء.",
                ),
                (
                    "أمطار غزيرة تغمر شوارع جدة وتوقف حركة المرور",
                    "غمرت أمطار غزيرة شوارع جدة وتوقفت حركة السير على الطريق السريع المؤدي إلى مكة.",
                ),
                (
                    "الدفاع المدني ينقذ عالقين في سيول جدة",
                    "أنقذت فرق الدفاع المدني عشرات العالقين في سياراتهم بعد سيول اجتاحت جدة وطريق مكة.",
                ),
            ],
            [
                (
                    "فيضان نهر ملوية يغمر أراضي زراعية شرق المغرب",
                    "غمرت مياه نهر ملوية مئات الهكتارات من الأراضي الزراعية شرق المغرب بعد أمطار استمرت يومين.",
                ),
                (
                    "مزارعو ملوية يحصون خسائرهم بعد الفيضان",
                    "بدأ المزارعون قرب نهر ملوية إحصاء خسائر المحاصيل التي أتلفها الفيضان الأخير.",
                ),
                (
                    "ارتفاع منسوب ملوية يهدد قرى في الجهة الشرقية",
                    "حذرت السلطات سكان قرى على ضفاف ملوية من ارتفاع منسوب النهر الذي غمر حقولا زراعية.",
                ),
            ],
        ],
    ),
    (
        "نقل",
        [
            [
                (
                    "افتتاح الخط الثالث لمترو الرياض أمام الركاب",
                    "بدأ الخط الثالث من مترو الرياض استقبال الركاب صباح الأحد بعد سنوات من الأعمال.",
                ),
                (
                    "مترو الرياض: الخط البرتقالي يدخل الخدمة",
                    "دخل الخط البرتقالي، الثالث في شبكة مترو الرياض، الخدمة اليوم بعشرين محطة.",
                ),
                (
                    "ركاب يجربون الخط الثالث للمترو في الرياض",
                    "توافد الركاب على محطات الخط الثالث لمترو الرياض في أول أيام تشغيله.",
                ),
            ],
            [
                (
                    "إطلاق قطار سريع بين الدار البيضاء ومراكش",
                    "أعلن المكتب الوطني للسكك الحديدية تشغيل قطار سريع بين الدار البيضاء ومراكش في الربيع.",
                ),
                (
                    "ساعة واحدة بين البيضاء ومراكش بالقطار السريع",
                    "سيختصر القطار السريع الرحلة بين الدار البيضاء ومراكش إلى ساعة واحدة وفق السكك الحديدية.",
                ),
                (
                    "السكك الحديدية المغربية تكشف موعد قطار مراكش السريع",
                    "كشف المكتب الوطني للسكك الحديدية عن موعد تشغيل الخط السريع نحو مراكش.",
                ),
            ],
        ],
    ),
    (
        "إضراب",
        [
            [
                (
                    "المعلمون في لبنان يبدؤون إضرابا مفتوحا",
                    "أعلنت رابطة المعلمين في لبنان بدء إضراب مفتوح في المدارس الرسمية للمطالبة بتحسين الرواتب.",
                ),
                (
                    "إغلاق المدارس الرسمية اللبنانية مع بدء إضراب المعلمين",
                    "أغلقت المدارس الرسمية في لبنان أبوابها مع انطلاق إضراب المعلمين المفتوح.",
                ),
                (
                    "رابطة المعلمين: الإضراب مستمر حتى تعديل الرواتب",
                    "قالت رابطة المعلمين اللبنانيين إن الإضراب لن يتوقف قبل تعديل رواتب القطاع العام.",
                ),
            ],
            [
                (
                    "عمال ميناء الإسكندرية يضربون عن العمل",
                    "توقف العمل في أرصفة ميناء الإسكندرية بعد إضراب مئات العمال احتجاجا على تأخر المستحقات.",
                ),
                (
                    "توقف الشحن في ميناء الإسكندرية بسبب الإضراب",
                    "تكدست الحاويات في ميناء الإسكندرية مع استمرار إضراب العمال لليوم الثاني.",
                ),
                (
                    "اتفاق ينهي إضراب عمال الإسكندرية",
                    "انتهى إضراب عمال ميناء الإسكندرية بعد اتفاق مع الإدارة على صرف المستحقات المتأخرة.",
                ),
            ],
        ],
    ),
    (
        "صحة",
        [
            [
                (
                    "تسجيل 40 إصابة بالكوليرا في محافظة الحديدة",
                    "أعلنت السلطات الصحية تسجيل 40 إصابة جديدة بالكوليرا في محافظة الحديدة خلال أسبوع.",
                ),
                (
                    "الكوليرا تعود إلى الحديدة وتحذيرات من انتشارها",
                    "حذر أطباء من انتشار الكوليرا في الحديدة بعد رصد عشرات الإصابات في الأحياء الفقيرة.",
                ),
                (
                    "حملة لتعقيم مياه الشرب في الحديدة بعد إصابات الكوليرا",
                    "بدأت فرق صحية حملة لتعقيم خزانات المياه في الحديدة عقب تسجيل 40 إصابة بالكوليرا.",
                ),
            ],
            [
                (
                    "حملة تطعيم ضد الحصبة تستهدف مليون طفل في السودان",
                    "أطلقت وزارة الصحة السودانية حملة تطعيم ضد الحصبة تستهدف مليون طفل في خمس ولايات.",
                ),
                (
                    "السودان يطلق حملة تلقيح واسعة ضد الحصبة",
                    "بدأت في السودان حملة واسعة للتلقيح ضد الحصبة بمشاركة آلاف العاملين الصحيين.",
                ),
                (
                    "مليون طفل سوداني يتلقون لقاح الحصبة",
                    "تسعى الحملة الوطنية إلى تلقيح مليون طفل سوداني ضد الحصبة خلال عشرة أيام.",
                ),
            ],
        ],
    ),
    (
        "فضاء",
        [
            [
                (
                    "الإمارات تطلق قمرا صناعيا لرصد المناخ",
                    "أطلقت الإمارات قمرا صناعيا جديدا مخصصا لرصد المناخ من قاعدة في كاليفورنيا فجر الاثنين.",
                ),
                (
                    "نجاح إطلاق القمر الإماراتي لمراقبة الطقس",
                    "أعلن مركز الفضاء في دبي نجاح إطلاق القمر الصناعي المخصص لمراقبة الطقس والمناخ.",
                ),
                (
                    "القمر الإماراتي الجديد يرسل أول إشاراته",
                    "تلقى مركز التحكم في دبي أول إشارات من القمر الصناعي المناخي بعد ساعات من إطلاقه.",
                ),
            ],
            [
                (
                    "مرصد جامعة القاضي عياض يرصد نيزكا فوق الأطلس",
                    "رصدت كاميرات مرصد جامعة القاضي عياض نيزكا لامعا عبر سماء الأطلس ليل الجمعة.",
                ),
                (
                    "نيزك يضيء سماء الأطلس ومرصد مغربي يوثقه",
                    "وثق مرصد فلكي مغربي مرور نيزك ساطع أضاء سماء جبال الأطلس لثوان.",
                ),
                (
                    "باحثون يبحثون عن شظايا نيزك الأطلس",
                    "انطلق فريق من الباحثين بحثا عن شظايا النيزك الذي عبر سماء الأطلس قبل يومين.",
                ),
            ],
        ],
    ),
    (
        "قضاء",
        [
            [
                (
                    "محكمة في بيروت تفرج عن ناشطين بكفالة",
                    "قررت محكمة في بيروت إخلاء سبيل ثلاثة ناشطين بكفالة مالية بعد توقيفهم خلال احتجاج.",
                ),
                (
                    "إخلاء سبيل الناشطين الثلاثة في بيروت",
                    "خرج الناشطون الثلاثة الموقوفون منذ أسبوع في بيروت بعد قرار قضائي بإطلاقهم بكفالة.",
                ),
                (
                    "كفالة مالية تنهي توقيف ناشطي احتجاج بيروت",
                    "أنهت كفالة مالية توقيف ثلاثة ناشطين اعتقلوا خلال احتجاج أمام البرلمان في بيروت.",
                ),
            ],
            [
                (
                    "محكمة جزائرية تدين مسؤولين سابقين بالفساد",
                    "أدانت محكمة في الجزائر العاصمة وزيرين سابقين بتهم فساد تتعلق بصفقات عمومية.",
                ),
                (
                    "أحكام بالسجن على وزيرين سابقين في الجزائر",
                    "قضت محكمة جزائرية بسجن وزيرين سابقين سبع سنوات في قضية صفقات عمومية.",
                ),
                (
                    "الجزائر: سبع سنوات سجنا لوزيرين في قضية الصفقات",
                    "حكم القضاء الجزائري على وزيرين سابقين بالسجن سبع سنوات بعد إدانتهما بالفساد.",
                ),
            ],
        ],
    ),
    (
        "ثقافة",
        [
            [
                (
                    "انطلاق معرض الكتاب في الشارقة بمشاركة ألفي ناشر",
                    "انطلق معرض الشارقة الدولي للكتاب بمشاركة ألفي دار نشر من 100 دولة.",
                ),
                (
                    "ألفا ناشر في معرض الشارقة للكتاب هذا العام",
                    "يشارك في معرض الشارقة للكتاب هذا العام ألفا ناشر يعرضون مئات آلاف العناوين.",
                ),
                (
                    "معرض الشارقة يفتح أبوابه للزوار",
                    "فتح معرض الشارقة الدولي للكتاب أبوابه للزوار صباح الأربعاء ويستمر 12 يوما.",
                ),
            ],
            [
                (
                    "مهرجان قرطاج السينمائي يكرم مخرجة تونسية",
                    "كرم مهرجان قرطاج السينمائي في افتتاحه المخرجة التونسية سلمى العياري عن مجمل أعمالها.",
                ),
                (
                    "تكريم سلمى العياري في افتتاح أيام قرطاج السينمائية",
                    "شهد افتتاح أيام قرطاج السينمائية تكريم المخرجة سلمى العياري وسط حضور كبير.",
                ),
                (
                    "أيام قرطاج السينمائية تنطلق بتكريم العياري",
                    "انطلقت أيام قرطاج السينمائية بتكريم المخرجة سلمى العياري وعرض فيلم الافتتاح.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "earthquake",
        [
            [
                (
                    "Magnitude 6.2 earthquake strikes off Hokkaido coast",
                    "A magnitude 6.2 earthquake struck off the coast of Hokkaido early on Monday, shaking buildings in Sapporo.",
                ),
                (
                    "Strong quake rattles Sapporo, no tsunami warning issued",
                    "Residents of Sapporo felt strong shaking after a 6.2 quake offshore; officials said no tsunami was expected.",
                ),
                (
                    "Hokkaido quake: minor damage reported, trains halted",
                    "Rail services in Hokkaido were suspended for inspections after Monday's 6.2 magnitude earthquake.",
                ),
            ],
            [
                (
                    "Earthquake of magnitude 5.1 hits central Chile",
                    "A 5.1 magnitude earthquake hit central Chile on Monday evening, the national seismological centre said.",
                ),
                (
                    "Chile: moderate tremor shakes Santiago buildings",
                    "Office towers in Santiago swayed briefly as a moderate tremor of magnitude 5.1 hit the region.",
                ),
                (
                    "No injuries after Chilean quake, emergency office says",
                    "Chile's emergency office reported no injuries or damage after the magnitude 5.1 tremor.",
                ),
            ],
        ],
    ),
    (
        "rates",
        [
            [
                (
                    "Bank of Canada cuts key rate to 3.25 percent",
                    "The Bank of Canada lowered its benchmark interest rate by a quarter point to 3.25 percent on Wednesday.",
                ),
                (
                    "Canada's central bank trims rates as growth slows",
                    "Citing slower growth, Canada's central bank reduced its policy rate to 3.25 percent.",
                ),
                (
                    "Mortgage holders in Canada welcome quarter-point cut",
                    "Homeowners with variable mortgages will pay less after the Bank of Canada cut its rate to 3.25 percent.",
                ),
            ],
            [
                (
                    "Reserve Bank of Australia holds cash rate steady",
                    "The Reserve Bank of Australia left its cash rate unchanged on Tuesday, saying inflation remained too high.",
                ),
                (
                    "Australia's central bank keeps rates on hold again",
                    "Australia's central bank kept borrowing costs on hold for a fifth meeting in a row.",
                ),
                (
                    "RBA pauses, warns inflation fight not over",
                    "Governor of the Reserve Bank of Australia said rates may stay high as the bank paused again.",
                ),
            ],
        ],
    ),
    (
        "football",
        [
            [
                (
                    "Celtic beat Rangers 3-1 in Glasgow derby",
                    "Celtic won the Glasgow derby 3-1 against Rangers at Parkhead on Sunday to go four points clear.",
                ),
                (
                    "Rangers fall to Celtic as hosts extend lead",
                    "Rangers lost 3-1 at Celtic Park, leaving the hosts four points ahead at the top of the table.",
                ),
                (
                    "Late double seals Old Firm win for Celtic",
                    "Two late goals gave Celtic a 3-1 victory over Rangers in a tense Glasgow derby.",
                ),
            ],
            [
                (
                    "Ajax and PSV draw 2-2 in Amsterdam thriller",
                    "Ajax and PSV shared the points in a 2-2 draw in Amsterdam on Sunday.",
                ),
                (
                    "PSV snatch late equaliser against Ajax",
                    "A stoppage-time goal earned PSV a 2-2 draw away at Ajax in the Eredivisie.",
                ),
                (
                    "Four goals, no winner as Ajax meet PSV",
                    "Ajax twice led but PSV came back each time for a 2-2 draw at the Johan Cruyff Arena.",
                ),
            ],
        ],
    ),
    (
        "elections",
        [
            [
                (
                    "Iceland's ruling coalition loses majority in snap election",
                    "Iceland's governing coalition lost its parliamentary majority in Saturday's snap election, final results showed.",
                ),
                (
                    "Opposition gains in Iceland vote as coalition falls short",
                    "Opposition parties made gains in Iceland's early election, leaving the ruling coalition short of a majority.",
                ),
                (
                    "Reykjavik: coalition talks expected after inconclusive vote",
                    "Party leaders in Reykjavik prepared for coalition talks after the snap election left no majority.",
                ),
            ],
            [
                (
                    "Turnout hits record in Estonia's local elections",
                    "Turnout in Estonia's municipal elections reached a record 61 percent, the electoral commission said.",
                ),
                (
                    "Estonians vote in large numbers in municipal polls",
                    "A record 61 percent of Estonian voters cast ballots in Sunday's municipal elections, many of them online.",
                ),
                (
                    "Online voting drives record turnout in Estonia",
                    "Nearly half of all ballots in Estonia's local elections were cast online, helping turnout reach 61 percent.",
                ),
            ],
        ],
    ),
    (
        "fire",
        [
            [
                (
                    "Wildfire forces evacuation of villages near Marseille",
                    "A wildfire fanned by strong winds forced the evacuation of three villages north of Marseille on Thursday.",
                ),
                (
                    "Firefighters battle blaze in hills outside Marseille",
                    "Hundreds of firefighters and water bombers fought a fire in the hills north of Marseille as residents fled.",
                ),
                (
                    "Marseille wildfire contained after burning 900 hectares",
                    "The fire north of Marseille was contained on Friday after burning about 900 hectares of scrub.",
                ),
            ],
            [
                (
                    "Fire destroys historic warehouse in Liverpool docks",
                    "A fire tore through a Victorian warehouse at Liverpool's docks overnight, destroying its roof.",
                ),
                (
                    "Liverpool dockside blaze guts Victorian building",
                    "Crews spent the night tackling a blaze that gutted a listed dockside warehouse in Liverpool.",
                ),
                (
                    "Investigation opens into Liverpool warehouse fire",
                    "Fire officials began investigating the cause of the overnight fire at the Liverpool dock warehouse.",
                ),
            ],
        ],
    ),
    (
        "floods",
        [
            [
                (
                    "Floods cut off towns along the Danube in Slovakia",
                    "Rising waters on the Danube cut road links to several Slovak towns after days of heavy rain.",
                ),
                (
                    "Danube bursts banks in southern Slovakia",
                    "The Danube overflowed in southern Slovakia, flooding streets and cutting off roads to riverside towns.",
                ),
                (
                    "Slovak army sent in as Danube flood waters rise",
                    "Slovakia deployed soldiers to build sandbag walls as the Danube kept rising on Tuesday.",
                ),
            ],
            [
                (
                    "Monsoon rains flood Karachi streets, schools closed",
                    "Heavy monsoon rain flooded large parts of Karachi, and authorities closed schools for two days.",
                ),
                (
                    "Karachi underwater after record monsoon downpour",
                    "Karachi received its heaviest single-day rainfall in a decade, leaving main roads submerged.",
                ),
                (
                    "Power cuts hit Karachi as floodwater lingers",
                    "Much of Karachi was without electricity a day after monsoon flooding, the utility said.",
                ),
            ],
        ],
    ),
    (
        "transport",
        [
            [
                (
                    "Copenhagen opens new metro line to the harbour",
                    "A new metro line linking central Copenhagen with the Nordhavn harbour district opened to passengers on Saturday.",
                ),
                (
                    "Harbour district gets metro link as Copenhagen line opens",
                    "Passengers rode the first trains on Copenhagen's new harbour metro line, which adds five stations.",
                ),
                (
                    "Five new stations as Copenhagen metro reaches Nordhavn",
                    "Copenhagen's metro now reaches Nordhavn after five new stations opened this weekend.",
                ),
            ],
            [
                (
                    "High-speed rail link between Madrid and Lisbon approved",
                    "Spain and Portugal approved funding for a high-speed rail line between Madrid and Lisbon.",
                ),
                (
                    "Madrid-Lisbon trip to take three hours by fast train",
                    "A planned high-speed line would cut the journey between Madrid and Lisbon to about three hours.",
                ),
                (
                    "Iberian leaders sign off on Madrid-Lisbon rail project",
                    "The Spanish and Portuguese governments signed an agreement on the Madrid to Lisbon fast rail project.",
                ),
            ],
        ],
    ),
    (
        "strike",
        [
            [
                (
                    "Dock workers at Antwerp port walk out over pay",
                    "Dock workers at the port of Antwerp began a 48-hour strike on Monday in a dispute over wages.",
                ),
                (
                    "Antwerp port paralysed by dockers' strike",
                    "Container ships queued outside Antwerp as a dockers' walkout over pay halted loading.",
                ),
                (
                    "Antwerp strike ends with pay agreement",
                    "Dockers in Antwerp returned to work after unions and employers agreed a wage deal.",
                ),
            ],
            [
                (
                    "Junior doctors in Ireland vote for strike action",
                    "Junior doctors in Ireland voted overwhelmingly to strike over working hours, their union said.",
                ),
                (
                    "Irish hospital doctors back industrial action",
                    "Ninety percent of Ireland's junior hospital doctors backed strike action over long shifts.",
                ),
                (
                    "Ireland's health service braces for doctors' strike",
                    "Hospitals in Ireland began planning for disruption after junior doctors voted to walk out.",
                ),
            ],
        ],
    ),
    (
        "health",
        [
            [
                (
                    "Measles outbreak confirmed in Auckland schools",
                    "Health officials confirmed twelve cases of measles linked to three schools in Auckland.",
                ),
                (
                    "Auckland measles cases rise to twelve",
                    "The number of measles cases in Auckland has climbed to twelve, prompting a vaccination drive in schools.",
                ),
                (
                    "Vaccination clinics open after Auckland measles outbreak",
                    "Extra vaccination clinics opened in Auckland after a measles outbreak among school children.",
                ),
            ],
            [
                (
                    "Ghana launches malaria vaccine rollout for infants",
                    "Ghana began giving a malaria vaccine to infants in twenty districts, the health ministry said.",
                ),
                (
                    "Infants in twenty Ghanaian districts to get malaria shot",
                    "The malaria vaccine rollout in Ghana will first reach babies in twenty districts with high infection rates.",
                ),
                (
                    "Ghana's health ministry starts malaria immunisation drive",
                    "Ghana's health ministry started a nationwide drive to immunise infants against malaria.",
                ),
            ],
        ],
    ),
    (
        "space",
        [
            [
                (
                    "India's lunar rover begins exploring crater rim",
                    "India's space agency said its lunar rover rolled off the lander and began exploring a crater rim near the south pole.",
                ),
                (
                    "Indian moon rover takes first drive near south pole",
                    "The rover of India's moon mission made its first drive on the lunar surface close to the south pole.",
                ),
                (
                    "ISRO shares first images from rover on the Moon",
                    "ISRO released the first pictures taken by its rover as it explored the Moon's south polar region.",
                ),
            ],
            [
                (
                    "European weather satellite launched from French Guiana",
                    "A European weather satellite lifted off from Kourou in French Guiana aboard an Ariane rocket on Tuesday.",
                ),
                (
                    "Ariane rocket carries new weather satellite into orbit",
                    "An Ariane launcher placed Europe's newest weather satellite into orbit after a night launch from Kourou.",
                ),
                (
                    "New European satellite to sharpen storm forecasts",
                    "The weather satellite launched from Kourou will help forecasters track storms over Europe and Africa.",
                ),
            ],
        ],
    ),
    (
        "courts",
        [
            [
                (
                    "Court orders Norwegian salmon farm to close pens",
                    "A Norwegian court ordered a salmon farming company to close four sea pens over pollution breaches.",
                ),
                (
                    "Salmon farmer loses pollution case in Norway",
                    "The salmon farmer must shut four pens in a Norwegian fjord after losing a pollution case brought by fishermen.",
                ),
                (
                    "Fishermen win fjord pollution case against fish farm",
                    "Local fishermen won their lawsuit against a salmon farm accused of polluting a fjord in western Norway.",
                ),
            ],
            [
                (
                    "Former mayor of Naples convicted of bribery",
                    "A court in Naples convicted the city's former mayor of accepting bribes over building permits.",
                ),
                (
                    "Ex-Naples mayor sentenced to five years for corruption",
                    "The former mayor of Naples was sentenced to five years in prison for taking bribes.",
                ),
                (
                    "Naples court jails ex-mayor in building permits case",
                    "Judges in Naples jailed the city's former mayor for five years in a bribery case over permits.",
                ),
            ],
        ],
    ),
    (
        "culture",
        [
            [
                (
                    "Edinburgh book festival opens with record programme",
                    "The Edinburgh International Book Festival opened on Saturday with a record 900 events.",
                ),
                (
                    "900 events as Edinburgh's book festival begins",
                    "Edinburgh's book festival began with its largest programme yet, some 900 author events.",
                ),
                (
                    "Authors and crowds return as Edinburgh book fest starts",
                    "Crowds filled Charlotte Square as the Edinburgh book festival started its largest edition.",
                ),
            ],
            [
                (
                    "Venice film festival honours Senegalese director",
                    "The Venice film festival gave a lifetime award to Senegalese director Aminata Sow at its opening night.",
                ),
                (
                    "Aminata Sow receives lifetime award in Venice",
                    "Senegalese filmmaker Aminata Sow was honoured with a lifetime achievement award in Venice.",
                ),
                (
                    "Venice opens with tribute to Aminata Sow",
                    "The film festival in Venice opened with a tribute to the career of director Aminata Sow.",
                ),
            ],
        ],
    ),
]

#: Hours after the first telling at which the second and third appear.
OFFSETS = (0, 3, 20)


def _article(event: list[tuple[str, str]], n: int) -> dict[str, object]:
    title, lead = event[n]
    return {"title": title, "lead": lead, "hours": OFFSETS[n]}


def pairs(
    lang: str, topics: Topics
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for topic, events in topics:
        for e, event in enumerate(events):
            for i, j in itertools.combinations(range(3), 2):
                out.append(
                    {
                        "lang": lang,
                        "topic": topic,
                        "kind": "same_event",
                        "same": True,
                        "a": _article(event, i),
                        "b": _article(event, j),
                    }
                )
        first, second = events
        for i, j in ((0, 0), (1, 2), (2, 1), (0, 1)):
            out.append(
                {
                    "lang": lang,
                    "topic": topic,
                    "kind": "same_topic",
                    "same": False,
                    "a": _article(first, i),
                    "b": _article(second, j),
                }
            )
    rng = random.Random(12)
    for _ in range(6):
        (t1, ev1), (t2, ev2) = rng.sample(topics, 2)
        out.append(
            {
                "lang": lang,
                "topic": f"{t1}/{t2}",
                "kind": "unrelated",
                "same": False,
                "a": _article(rng.choice(ev1), rng.randrange(3)),
                "b": _article(rng.choice(ev2), rng.randrange(3)),
            }
        )
    return out


def write_set(arabic: Topics, english: Topics) -> None:
    """A set's labelled pairs to stdout, one JSON object a line, numbered from 1."""
    rows = pairs("ar", arabic) + pairs("en", english)
    for n, row in enumerate(rows, 1):
        sys.stdout.write(json.dumps({"id": n, **row}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
