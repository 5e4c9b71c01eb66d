"""A fourth set of events for the story evaluation, written after the grouping was fixed.

Written for Newsreader once the grouping method was settled, by a writer who did not
read how it works, and never used to tune anything: another clean test of it.  Fourteen
topics in each language that none of ``stories_events.py``, ``stories_events_fresh.py``
and ``stories_events_unseen.py`` has; each topic has two invented events of the same
kind (the hard negatives: same topic, another event), each told three ways as three
outlets would tell it, in other words (the hard positives).  Run this module to write
the labelled pairs::

    python benchmarks/stories_events_fourth.py > benchmarks/stories_eval_fourth.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "آثار",
        [
            [
                (
                    "اكتشاف مقبرة أثرية لكاهن من الدولة القديمة في سقارة",
                    "أعلنت وزارة السياحة والآثار المصرية العثور على مقبرة منحوتة في الصخر لكاهن"
                    " يدعى نفر إيري في منطقة سقارة بمحافظة الجيزة.",
                ),
                (
                    "بعثة مصرية تكشف مقبرة عمرها أكثر من 4 آلاف عام",
                    "كشفت بعثة أثرية مصرية عن مقبرة تعود إلى الأسرة الخامسة تزين جدرانها نقوش"
                    " ملونة ما زالت محتفظة بألوانها.",
                ),
                (
                    "الأمين العام للمجلس الأعلى للآثار: مقبرة نفر إيري من أهم كشوف العام",
                    "قال الأمين العام للمجلس الأعلى للآثار إن المقبرة المكتشفة حديثا في سقارة تضم"
                    " تماثيل خشبية وأواني فخارية وتابوتا حجريا مغلقا.",
                ),
            ],
            [
                (
                    "اكتشاف لوحة فسيفساء رومانية نادرة في أوتيك شمال تونس",
                    "عثر علماء آثار في موقع أوتيك بولاية بنزرت على لوحة فسيفساء تصور مشاهد صيد"
                    " بحري تعود إلى القرن الثالث الميلادي.",
                ),
                (
                    "فسيفساء عمرها 1800 عام تخرج من تحت التراب في بنزرت",
                    "كشفت أعمال التنقيب في ولاية بنزرت عن أرضية فسيفسائية لفيلا رومانية تقارب"
                    " مساحتها ستين مترا مربعا.",
                ),
                (
                    "المعهد الوطني للتراث يعلن عن كشف أثري جديد",
                    "أعلن المعهد الوطني للتراث في تونس أن البعثة التونسية الإيطالية المشتركة عثرت"
                    " على فسيفساء شبه مكتملة خلال موسم الحفريات الحالي في أوتيك.",
                ),
            ],
        ],
    ),
    (
        "صيد بحري",
        [
            [
                (
                    "وقف صيد الأخطبوط في الداخلة ثلاثة أشهر للراحة البيولوجية",
                    "قررت كتابة الدولة المكلفة بالصيد البحري في المغرب وقف صيد الأخطبوط في سواحل"
                    " الداخلة من فاتح أبريل إلى نهاية يونيو لحماية المخزون.",
                ),
                (
                    "قلق بين بحارة الأقاليم الجنوبية بعد توقيف موسم الأخطبوط",
                    "عبر صيادون في جهة الداخلة وادي الذهب عن مخاوفهم من فقدان مصدر رزقهم خلال"
                    " فترة المنع التي تمتد تسعين يوما.",
                ),
                (
                    "الرباط تمدد الراحة البيولوجية للأخطبوط بعد تراجع المصطادات",
                    "أرجعت السلطات المغربية قرار منع صيد الأخطبوط جنوب المملكة إلى تراجع الكميات"
                    " المصطادة بنسبة 30 في المئة خلال الموسم الماضي.",
                ),
            ],
            [
                (
                    "انطلاق موسم صيد الروبيان في مياه الخليج بالمنطقة الشرقية",
                    "بدأ الصيادون في القطيف والجبيل صيد الروبيان مع انتهاء فترة الحظر السنوية"
                    " التي تفرضها وزارة البيئة والمياه والزراعة السعودية.",
                ),
                (
                    "سوق السمك في القطيف يستقبل أول شحنات الربيان بعد رفع الحظر",
                    "امتلأت بسطات سوق السمك في القطيف بالربيان الطازج وتراوح سعر الكيلو بين 40"
                    " و60 ريالا في اليوم الأول للموسم.",
                ),
                (
                    "وزارة البيئة: 300 قارب تشارك في موسم الروبيان الجديد",
                    "قال متحدث باسم الوزارة إن نحو ثلاثمئة قارب سعودي حصلت على تراخيص لصيد"
                    " الروبيان في مياه الخليج العربي هذا الموسم.",
                ),
            ],
        ],
    ),
    (
        "إسكان",
        [
            [
                (
                    "إيجارات الشقق في الدوحة ترتفع 18% خلال عام",
                    "أظهر تقرير لشركة استشارات عقارية أن متوسط إيجارات الشقق السكنية في الدوحة"
                    " ارتفع 18 في المئة على أساس سنوي.",
                ),
                (
                    "المستأجرون في العاصمة القطرية يواجهون موجة غلاء جديدة",
                    "اضطرت عائلات مقيمة في الدوحة إلى الانتقال نحو الوكرة والخور مع استمرار صعود"
                    " الإيجارات للعام الثالث على التوالي.",
                ),
                (
                    "تقرير: شح المعروض يدفع الإيجارات إلى مستويات قياسية",
                    "عزا تقرير عقاري ارتفاع إيجارات الشقق في الدوحة بنحو الخمس خلال اثني عشر شهرا"
                    " إلى تدفق سكان جدد وقلة الوحدات الجاهزة.",
                ),
            ],
            [
                (
                    "توزيع 20 ألف وحدة سكنية في ولاية قسنطينة",
                    "شرعت السلطات الجزائرية في توزيع 20 ألف مسكن بصيغة البيع بالإيجار على"
                    " المكتتبين في قسنطينة.",
                ),
                (
                    "٢٠ ألف عائلة تتسلم مفاتيح شققها في مدينة الجسور المعلقة",
                    "تسلمت آلاف الأسر في شرق الجزائر مفاتيح مساكنها الجديدة في المدينة الجديدة"
                    " علي منجلي بعد انتظار دام أكثر من عشر سنوات.",
                ),
                (
                    "وزير السكن: عملية التوزيع في قسنطينة تتواصل حتى نهاية الشهر",
                    "أكد وزير السكن والعمران أن توزيع الشقق على مكتتبي عدل في قسنطينة سيستمر على"
                    " دفعات حتى نهاية الشهر الجاري.",
                ),
            ],
        ],
    ),
    (
        "اتصالات",
        [
            [
                (
                    "انقطاع الإنترنت في أنحاء الأردن لساعات بسبب عطل في كابل بحري",
                    "تعطلت خدمات الإنترنت الثابت والمتنقل في معظم مناطق الأردن مساء الخميس إثر"
                    " قطع في كابل بحري في البحر الأحمر.",
                ),
                (
                    "هيئة تنظيم الاتصالات: عودة الخدمة تدريجيا بعد انقطاع واسع",
                    "قالت هيئة تنظيم قطاع الاتصالات الأردنية إن الشركات أعادت توجيه حركة البيانات"
                    " عبر مسارات برية بديلة بعد تضرر الكابل.",
                ),
                (
                    "مستخدمون في إربد يشكون بطء الشبكة لليوم الثاني",
                    "ما زال مشتركون في إربد ومدن الشمال يعانون بطئا في التصفح بعد يوم من انقطاع"
                    " الإنترنت الذي سببه الكابل البحري.",
                ),
            ],
            [
                (
                    "عطل فني يقطع خدمة الهاتف المحمول لدى «مدار» في سلطنة عمان",
                    "توقفت المكالمات والرسائل لدى مشتركي شركة مدار للاتصالات في مسقط وعدد من"
                    " الولايات لنحو ست ساعات يوم الاثنين.",
                ),
                (
                    "ست ساعات بلا شبكة.. مشتركو الهاتف في مسقط يروون معاناتهم",
                    "تعذر على آلاف المستخدمين في العاصمة العمانية إجراء مكالمات أو الدفع"
                    " إلكترونيا بعد انقطاع شبكة المحمول.",
                ),
                (
                    "هيئة تنظيم الاتصالات العمانية تطالب «مدار» بتعويض المشتركين",
                    "طلبت الهيئة من الشركة تقديم تقرير عن أسباب العطل الذي أصاب شبكتها وتعويض"
                    " المتضررين برصيد مجاني.",
                ),
            ],
        ],
    ),
    (
        "انتقالات",
        [
            [
                (
                    "الاتفاق يضم لاعب الوسط البرازيلي رافائيل دوارتي",
                    "أعلن نادي الاتفاق السعودي التعاقد مع البرازيلي رافائيل دوارتي قادما من"
                    " بنفيكا البرتغالي لمدة ثلاثة مواسم.",
                ),
                (
                    "صفقة بـ35 مليون يورو تنقل دوارتي إلى الدمام",
                    "وصل لاعب الوسط البرازيلي إلى الدمام لإجراء الفحص الطبي قبل توقيع عقده في"
                    " صفقة قدرت بخمسة وثلاثين مليون يورو.",
                ),
                (
                    "بنفيكا يودع نجمه بعد انتقاله إلى الدوري السعودي",
                    "نشر النادي البرتغالي رسالة وداع لرافائيل دوارتي بعد إتمام انتقاله إلى"
                    " الاتفاق، متمنيا له التوفيق في تجربته الجديدة.",
                ),
            ],
            [
                (
                    "الأهلي يتعاقد مع المهاجم المغربي يوسف العلمي",
                    "أعلن النادي الأهلي المصري ضم المهاجم المغربي يوسف العلمي من نهضة بركان بعقد"
                    " يمتد أربع سنوات.",
                ),
                (
                    "نهضة بركان يوافق على رحيل هدافه إلى مصر",
                    "وافق نهضة بركان على عرض من الأهلي لضم مهاجمه الدولي العلمي مقابل ثلاثة"
                    " ملايين دولار.",
                ),
                (
                    "العلمي: حلمي الفوز بدوري أبطال أفريقيا بالقميص الأحمر",
                    "قال المهاجم المغربي في أول تصريح له بعد وصوله إلى مصر إنه يطمح للتتويج بلقب"
                    " دوري الأبطال مع ناديه الجديد.",
                ),
            ],
        ],
    ),
    (
        "هجرة",
        [
            [
                (
                    "غرق قارب يقل مهاجرين قبالة سواحل زوارة الليبية",
                    "انتشل خفر السواحل الليبي 17 جثة بعد غرق قارب يقل نحو 60 مهاجرا قبالة مدينة"
                    " زوارة غرب طرابلس.",
                ),
                (
                    "المنظمة الدولية للهجرة: عشرات المفقودين في حادث غرق غرب ليبيا",
                    "قالت المنظمة الدولية للهجرة إن 25 شخصا نجوا من غرق مركب مهاجرين في البحر"
                    " المتوسط فيما لا يزال آخرون في عداد المفقودين.",
                ),
                (
                    "ناجون من مركب زوارة: المحرك توقف بعد ساعتين من الإبحار",
                    "روى ناجون من حادث الغرق أن القارب المطاطي تسربت إليه المياه بعد توقف محركه"
                    " على بعد أميال من الساحل الليبي.",
                ),
            ],
            [
                (
                    "الجيش اللبناني ينقذ 80 مهاجرا قبالة شاطئ طرابلس",
                    "أنقذت القوات البحرية في الجيش اللبناني ثمانين شخصا كانوا على متن مركب تعطل"
                    " بعد إبحاره من شمال لبنان باتجاه قبرص.",
                ),
                (
                    "إحباط رحلة هجرة غير نظامية من الشمال اللبناني نحو قبرص",
                    "أوقف الجيش مركبا مكتظا بعائلات لبنانية وسورية بعد ساعات من انطلاقه من شاطئ"
                    " القلمون.",
                ),
                (
                    "عائلات أنقذتها البحرية اللبنانية: لم يبق لنا شيء هنا",
                    "عاد الركاب الذين أنقذوا من المركب المتعطل إلى منازلهم في طرابلس وعكار مؤكدين"
                    " أنهم سيحاولون الرحيل مجددا.",
                ),
            ],
        ],
    ),
    (
        "سرقة",
        [
            [
                (
                    "سطو مسلح على فرع مصرف في أربيل",
                    "سطا شخص مسلح على فرع أحد المصارف في حي عنكاوا بأربيل واستولى على نحو 200"
                    " مليون دينار قبل أن يلوذ بالفرار.",
                ),
                (
                    "شرطة إقليم كردستان تطارد لصا سرق مئتي مليون دينار من بنك",
                    "قال المتحدث باسم مديرية شرطة أربيل إن فرق التحري تلاحق مشتبها به اقتحم مصرفا"
                    " في عاصمة الإقليم ظهر الأربعاء.",
                ),
                (
                    "القبض على منفذ السطو على مصرف عنكاوا",
                    "ألقت قوات الأمن في إقليم كردستان العراق القبض على الرجل الذي سرق فرع المصرف"
                    " في عنكاوا وضبطت معظم المبلغ المسروق.",
                ),
            ],
            [
                (
                    "عصابة تسرق محل مجوهرات في طنجة في وضح النهار",
                    "اقتحم ثلاثة ملثمين محلا لبيع الذهب في وسط طنجة وسرقوا حليا تقدر قيمتها"
                    " بمليوني درهم.",
                ),
                (
                    "الشرطة القضائية تحقق في سرقة الذهب بعاصمة البوغاز",
                    "فتحت الشرطة القضائية تحقيقا في عملية السطو التي استهدفت متجرا للمجوهرات في"
                    " شارع محمد الخامس.",
                ),
                (
                    "كاميرات المراقبة توثق سطو الملثمين على محل الذهب بطنجة",
                    "تداول مغاربة مقطعا يظهر اللصوص الثلاثة وهم يكسرون واجهات العرض ثم يفرون على"
                    " دراجتين ناريتين.",
                ),
            ],
        ],
    ),
    (
        "موانئ",
        [
            [
                (
                    "ميناء خليفة في أبوظبي يستقبل أكبر سفينة حاويات في تاريخه",
                    "رست في ميناء خليفة سفينة حاويات عملاقة بطول 400 متر وسعة 24 ألف حاوية نمطية"
                    " في أول توقف لها في الدولة.",
                ),
                (
                    "سفينة بسعة أربعة وعشرين ألف حاوية ترسو في العاصمة الإماراتية",
                    "استقبل الميناء الواقع في منطقة الطويلة واحدة من أكبر سفن الحاويات في العالم"
                    " ضمن خط ملاحي جديد يربط آسيا بأوروبا.",
                ),
                (
                    "موانئ أبوظبي: رسو السفينة العملاقة يؤكد جاهزيتنا لأكبر الناقلات",
                    "قالت مجموعة موانئ أبوظبي إن استقبال السفينة التي تحمل أكثر من عشرين ألف"
                    " حاوية جاء بعد تعميق الأرصفة وتوسعة القناة الملاحية.",
                ),
            ],
            [
                (
                    "افتتاح محطة حاويات جديدة في ميناء شرق بورسعيد",
                    "افتتح رئيس الوزراء المصري محطة حاويات جديدة في ميناء شرق بورسعيد بطاقة"
                    " استيعابية تبلغ 3.5 مليون حاوية سنويا.",
                ),
                (
                    "مصر تضيف 3.5 ملايين حاوية إلى طاقة موانئ قناة السويس",
                    "دخلت المحطة الجديدة الخدمة رسميا لتعزز قدرة المنطقة الاقتصادية لقناة السويس"
                    " على جذب خطوط الملاحة العالمية.",
                ),
                (
                    "رئيس اقتصادية قناة السويس: أول سفينة تفرغ حمولتها في المحطة الجديدة الأسبوع"
                    " المقبل",
                    "أعلن رئيس الهيئة العامة للمنطقة الاقتصادية لقناة السويس أن المحطة الجديدة"
                    " شرق بورسعيد ستستقبل أول سفينة حاويات الأسبوع المقبل.",
                ),
            ],
        ],
    ),
    (
        "تعدين",
        [
            [
                (
                    "مصرع 8 منقبين عن الذهب في انهيار بئر بموريتانيا",
                    "لقي ثمانية منقبين تقليديين عن الذهب حتفهم إثر انهيار بئر في منطقة الشامي"
                    " بولاية داخلت نواذيبو شمال غرب موريتانيا.",
                ),
                (
                    "انهيار حفرة تنقيب في الشامي يودي بحياة ثمانية عمال",
                    "انهارت جدران حفرة للتنقيب عن الذهب على العمال في موقع الشامي وسط ظروف عمل"
                    " تفتقر إلى أدنى شروط السلامة.",
                ),
                (
                    "وزير المعادن الموريتاني يأمر بتعليق الحفر في المواقع غير المؤمنة",
                    "قرر وزير البترول والمعادن تعليق التنقيب في الآبار التي يتجاوز عمقها 20 مترا"
                    " بعد حادثة الشامي التي أودت بثمانية أشخاص.",
                ),
            ],
            [
                (
                    "مقتل 11 عاملا في انهيار منجم ذهب بولاية نهر النيل",
                    "أعلنت الشركة السودانية للموارد المعدنية مقتل 11 عاملا وإصابة آخرين في انهيار"
                    " منجم تقليدي للذهب بمحلية أبو حمد.",
                ),
                (
                    "انهيار منجم في شمال السودان وفرق الإنقاذ تبحث عن مفقودين",
                    "تواصل فرق الدفاع المدني البحث عن عمال محاصرين تحت الأنقاض بعد انهيار منجم"
                    " للذهب قرب أبو حمد.",
                ),
                (
                    "ارتفاع حصيلة ضحايا منجم أبو حمد إلى 14",
                    "ارتفع عدد قتلى انهيار منجم الذهب في ولاية نهر النيل إلى أربعة عشر بعد انتشال"
                    " ثلاث جثث جديدة صباح اليوم.",
                ),
            ],
        ],
    ),
    (
        "حوادث سير",
        [
            [
                (
                    "مصرع 12 شخصا في انقلاب حافلة بالمنيا",
                    "لقي 12 شخصا مصرعهم وأصيب 20 آخرون في انقلاب حافلة ركاب على الطريق الصحراوي"
                    " الغربي بمحافظة المنيا.",
                ),
                (
                    "حادث مروع على الصحراوي الغربي في صعيد مصر",
                    "انقلبت حافلة كانت تقل عمالا عائدين إلى سوهاج بعد انفجار إطارها الأمامي، ما"
                    " أسفر عن سقوط قتلى وجرحى.",
                ),
                (
                    "محافظ المنيا يتفقد مصابي حادث الحافلة في المستشفى الجامعي",
                    "زار محافظ المنيا المصابين العشرين في حادث انقلاب الحافلة وأمر بصرف تعويضات"
                    " لأسر الضحايا الاثني عشر.",
                ),
            ],
            [
                (
                    "مقتل 9 أشخاص في اصطدام حافلة بشاحنة بولاية الأغواط",
                    "لقي تسعة أشخاص حتفهم وأصيب 15 آخرون في اصطدام عنيف بين حافلة لنقل المسافرين"
                    " وشاحنة على الطريق الوطني رقم 1 بالأغواط.",
                ),
                (
                    "الحماية المدنية الجزائرية: تسعة قتلى في حادث مرور على الطريق الوطني الأول",
                    "تدخلت وحدات الحماية المدنية لإجلاء الضحايا بعد تصادم حافلة كانت متجهة إلى"
                    " غرداية مع شاحنة ثقيلة.",
                ),
                (
                    "توقيف سائق الشاحنة المتسبب في فاجعة الأغواط",
                    "أوقفت مصالح الدرك الوطني سائق الشاحنة بعد أن أظهرت التحقيقات الأولية أنه كان"
                    " يسير بسرعة مفرطة.",
                ),
            ],
        ],
    ),
    (
        "انهيار مبان",
        [
            [
                (
                    "انهيار مبنى سكني في حي الشعار بحلب",
                    "انهار مبنى من أربعة طوابق في حي الشعار شرق مدينة حلب فجر السبت، وتعمل فرق"
                    " الدفاع المدني على انتشال العالقين.",
                ),
                (
                    "الدفاع المدني السوري ينتشل 5 ناجين من تحت أنقاض بناية",
                    "تمكنت فرق الإنقاذ من إخراج خمسة أشخاص أحياء من تحت ركام البناية التي تضررت"
                    " خلال سنوات الحرب في شمال سوريا.",
                ),
                (
                    "محافظ حلب يأمر بإخلاء الأبنية المتصدعة المجاورة",
                    "أصدر محافظ حلب قرارا بإخلاء ثلاثة مبان مجاورة للبناء المنهار في الشعار بعد"
                    " الكشف عن تشققات في أساساتها.",
                ),
            ],
            [
                (
                    "انهيار منزل تراثي في الموصل القديمة ومقتل ثلاثة",
                    "لقي ثلاثة أفراد من عائلة واحدة حتفهم إثر انهيار منزل قديم في منطقة الميدان"
                    " بالموصل القديمة بعد أمطار غزيرة.",
                ),
                (
                    "مأساة في نينوى.. منزل متهالك ينهار على ساكنيه",
                    "انهار سقف منزل مبني من الحجر والجص على عائلة نائمة في المدينة القديمة بمركز"
                    " محافظة نينوى.",
                ),
                (
                    "الدفاع المدني العراقي يحذر من سكن البيوت الآيلة للسقوط",
                    "دعت مديرية الدفاع المدني سكان المنازل المتضررة في الموصل القديمة إلى إخلائها"
                    " بعد حادثة الانهيار التي أودت بثلاثة أشخاص.",
                ),
            ],
        ],
    ),
    (
        "برلمان",
        [
            [
                (
                    "البرلمان العراقي يقر الموازنة العامة بعد تأخير ثلاثة أشهر",
                    "صوت مجلس النواب العراقي في جلسة مسائية على قانون الموازنة العامة للسنة"
                    " المالية الحالية بعد خلافات طويلة بين الكتل.",
                ),
                (
                    "مجلس النواب يمرر موازنة بقيمة 150 تريليون دينار",
                    "أقر البرلمان في بغداد الموازنة الاتحادية بقيمة 150 تريليون دينار مع عجز مقدر"
                    " بنحو 40 تريليونا.",
                ),
                (
                    "رئيس مجلس النواب: إقرار الموازنة يفتح الباب لصرف مستحقات الإقليم",
                    "قال رئيس البرلمان العراقي إن التصويت على الموازنة سيسمح بصرف رواتب موظفي"
                    " إقليم كردستان المتأخرة.",
                ),
            ],
            [
                (
                    "مجلس النواب البحريني يقر الميزانية العامة للعامين المقبلين",
                    "وافق مجلس النواب في البحرين على مشروع الميزانية العامة للدولة للسنتين"
                    " الماليتين المقبلتين بأغلبية 28 صوتا.",
                ),
                (
                    "المنامة: النواب يمررون الميزانية مع زيادة مخصصات التعليم",
                    "أقر النواب في المنامة ميزانية الدولة بعد التوافق مع الحكومة على رفع مخصصات"
                    " المدارس والجامعات.",
                ),
                (
                    "وزير المالية البحريني: الميزانية تستهدف خفض العجز إلى 3%",
                    "قال وزير المالية والاقتصاد الوطني إن الميزانية التي أقرها النواب تهدف إلى"
                    " خفض العجز إلى ثلاثة في المئة من الناتج المحلي.",
                ),
            ],
        ],
    ),
    (
        "دبلوماسية",
        [
            [
                (
                    "الرئيس الموريتاني يصل إلى الدوحة في زيارة رسمية",
                    "وصل الرئيس الموريتاني إلى الدوحة في زيارة تستمر يومين يبحث خلالها مع أمير"
                    " قطر تعزيز التعاون في مجالات الطاقة والاستثمار.",
                ),
                (
                    "قطر وموريتانيا توقعان خمس اتفاقيات للتعاون الاقتصادي",
                    "وقع البلدان في الديوان الأميري اتفاقيات تشمل تجنب الازدواج الضريبي ودعم"
                    " مشاريع الصيد والطاقة الشمسية.",
                ),
                (
                    "أمير قطر يقيم مأدبة غداء تكريما للضيف الموريتاني",
                    "أقام أمير دولة قطر مأدبة رسمية على شرف الرئيس الموريتاني والوفد المرافق له"
                    " في ختام مباحثات الدوحة.",
                ),
            ],
            [
                (
                    "رئيس الوزراء العراقي يبدأ زيارة رسمية إلى سلطنة عمان",
                    "وصل رئيس مجلس الوزراء العراقي إلى مسقط في أول زيارة له إلى السلطنة لبحث"
                    " الربط الكهربائي وخطوط الشحن بين البلدين.",
                ),
                (
                    "سلطان عمان يستقبل رئيس الحكومة العراقية في قصر العلم",
                    "استقبل السلطان رئيس الوزراء العراقي وبحث معه فرص الاستثمار العماني في قطاع"
                    " الموانئ والطاقة في العراق.",
                ),
                (
                    "العراق وعمان يتفقان على خط ملاحي مباشر بين الفاو وصحار",
                    "اتفق الجانبان في ختام المباحثات في مسقط على إطلاق خط ملاحي مباشر بين ميناءي"
                    " الفاو الكبير وصحار.",
                ),
            ],
        ],
    ),
    (
        "تقاعد",
        [
            [
                (
                    "المغرب يرفع سن التقاعد إلى 65 عاما تدريجيا",
                    "صادقت الحكومة المغربية على مشروع قانون يرفع سن الإحالة على التقاعد في القطاع"
                    " العام من 63 إلى 65 سنة على مراحل.",
                ),
                (
                    "النقابات المغربية ترفض إصلاح أنظمة التقاعد",
                    "انتقدت المركزيات النقابية في المملكة قرار الحكومة رفع سن التقاعد وطالبت بفتح"
                    " حوار اجتماعي قبل عرض المشروع على البرلمان.",
                ),
                (
                    "الناطق الرسمي باسم الحكومة: الإصلاح ينقذ صندوق التقاعد من الإفلاس",
                    "قال الناطق باسم الحكومة في الرباط إن رفع سن التقاعد إلى خمس وستين سنة ضروري"
                    " لتفادي نفاد احتياطيات الصندوق المغربي للتقاعد.",
                ),
            ],
            [
                (
                    "زيادة المعاشات بنسبة 15% اعتبارا من يوليو في مصر",
                    "أعلنت الهيئة القومية للتأمين الاجتماعي في مصر زيادة المعاشات بنسبة 15 في"
                    " المئة يستفيد منها نحو 11 مليون متقاعد.",
                ),
                (
                    "11 مليون صاحب معاش يستفيدون من الزيادة الجديدة",
                    "يبدأ صرف المعاشات المصرية بالزيادة الجديدة مطلع يوليو، مع رفع الحد الأدنى"
                    " للمعاش الشهري للمتقاعدين.",
                ),
                (
                    "رئيسة هيئة التأمينات: صرف معاشات يوليو بالزيادة في موعدها",
                    "أكدت رئيسة الهيئة القومية للتأمين الاجتماعي أن زيادة الخمسة عشر في المئة"
                    " ستضاف تلقائيا إلى معاشات يوليو دون حاجة إلى تقديم طلبات.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "archaeology",
        [
            [
                (
                    "Viking silver hoard unearthed on Gotland farm",
                    "A farmer ploughing a field on the Swedish island of Gotland turned up more"
                    " than 1,500 silver coins and arm rings buried around AD 950.",
                ),
                (
                    "Sweden's biggest Viking treasure find in decades",
                    "Archaeologists say the cache of Arab dirhams and silver jewellery found near"
                    " Visby is the largest discovered in the country since the 1990s.",
                ),
                (
                    "County archaeologist: Gotland hoard was hidden in a hurry",
                    "The silver had been stuffed into a clay pot and buried beneath a house"
                    " floor, the island's chief archaeologist told reporters.",
                ),
            ],
            [
                (
                    "Archive of Hittite clay tablets found in central Turkey",
                    "Excavators at a Bronze Age site near Çorum have uncovered around 200"
                    " cuneiform tablets in what appears to be a palace archive.",
                ),
                (
                    "Turkish dig yields 200 tablets from 3,500-year-old palace",
                    "The inscribed clay tablets, many still intact, were found in a burnt"
                    " storeroom, baked hard by the fire that destroyed the building.",
                ),
                (
                    "Tablets could rewrite Hittite history, say researchers",
                    "Scholars reading the first texts from the Çorum excavation say they record"
                    " treaties with neighbouring kings not known before.",
                ),
            ],
        ],
    ),
    (
        "fishing",
        [
            [
                (
                    "Argentina's squid season opens with record catch",
                    "Trawlers working off Patagonia landed more than 40,000 tonnes of Illex squid"
                    " in the first month of the season, the fisheries ministry said.",
                ),
                (
                    "Puerto Madryn docks buzz as squid boats return full",
                    "Processing plants in the Chubut port town are running round the clock after"
                    " the best start to the squid season in a decade.",
                ),
                (
                    "Record squid haul boosts Argentine seafood exports",
                    "The 40 thousand tonnes landed since the season opened are expected to lift"
                    " exports to Spain and China, industry groups said.",
                ),
            ],
            [
                (
                    "South Africa cuts West Coast rock lobster quota by a third",
                    "The fisheries department has reduced the commercial catch limit for West"
                    " Coast rock lobster by 33 per cent, citing collapsing stocks.",
                ),
                (
                    "Western Cape lobster fishers fear for livelihoods after quota cut",
                    "Small-scale fishing communities from Lambert's Bay to Hout Bay say the"
                    " reduced allowance will leave many boats tied up this season.",
                ),
                (
                    "Minister defends rock lobster cut as stocks hit record low",
                    "South Africa's environment minister said the crayfish population had fallen"
                    " to under 2 per cent of its historic level.",
                ),
            ],
        ],
    ),
    (
        "housing",
        [
            [
                (
                    "New York rent board approves 3% rise for stabilized apartments",
                    "The Rent Guidelines Board voted 5-4 to allow increases of 3 percent on"
                    " one-year leases for about a million rent-stabilized homes.",
                ),
                (
                    "Tenants boo as NYC board votes for higher rents",
                    "Protesters shouted down members of the city's Rent Guidelines Board after a"
                    " late-night vote to raise rents on regulated units.",
                ),
                (
                    "Landlords say New York rent increase falls short of costs",
                    "Owners of regulated buildings in the city said the board's three percent"
                    " increase would not cover rising taxes and repair bills.",
                ),
            ],
            [
                (
                    "Munich rents hit record as city tops German price table",
                    "Average asking rents for flats in Munich have passed 23 euros per square"
                    " metre, the highest level ever recorded in Germany.",
                ),
                (
                    "Bavarian capital's renters pay a third more than five years ago",
                    "A study by a property portal found new leases in the Bavarian capital now"
                    " cost about 33% more than in 2020.",
                ),
                (
                    "Germany's most expensive city for renters gets even pricier",
                    "Rents in Munich climbed again this quarter, with a typical 70 sq m flat now"
                    " advertised at more than €1,600 a month.",
                ),
            ],
        ],
    ),
    (
        "telecoms",
        [
            [
                (
                    "Nationwide mobile outage hits millions in Poland",
                    "Customers of the operator Vistel were unable to make calls or use mobile"
                    " data for most of Tuesday after a fault in its core network.",
                ),
                (
                    "Vistel blames software update for day-long network failure",
                    "The Polish carrier said a faulty update to its routing systems caused the"
                    " outage that cut off about 9 million subscribers.",
                ),
                (
                    "Warsaw regulator opens inquiry into phone network blackout",
                    "Poland's telecoms watchdog said it would examine why emergency calls failed"
                    " during Tuesday's outage and whether customers should be compensated.",
                ),
            ],
            [
                (
                    "Shetland cut off after trawler damages subsea cable",
                    "Internet and landline services across Shetland went down after a fishing"
                    " vessel's gear snagged the main data cable to the Scottish mainland.",
                ),
                (
                    "Islanders face days without broadband as repair ship heads north",
                    "Homes and businesses on the islands could be offline until the weekend while"
                    " a cable repair vessel sails from Aberdeen.",
                ),
                (
                    "Lerwick shops go cash-only after internet link severed",
                    "Card payments stopped working across the town after the undersea cable was"
                    " damaged, with shopkeepers putting up handwritten signs.",
                ),
            ],
        ],
    ),
    (
        "transfers",
        [
            [
                (
                    "Juventus sign Uruguayan defender Matías Ferreyra",
                    "Juventus have completed the signing of centre-back Matías Ferreyra from"
                    " Peñarol on a five-year contract, the Turin club announced.",
                ),
                (
                    "Ferreyra swaps Montevideo for Turin in €28m deal",
                    "The 21-year-old Uruguay international passed his medical in Italy on Monday"
                    " after the two clubs agreed a fee of 28 million euros.",
                ),
                (
                    "Peñarol say farewell to academy star after Serie A move",
                    "The Uruguayan champions thanked Ferreyra for nine years at the club after"
                    " his transfer to the Bianconeri was confirmed.",
                ),
            ],
            [
                (
                    "Newcastle complete £40m move for Nigerian striker Okafor",
                    "Newcastle United have signed forward Samuel Okafor from Lille for a fee of"
                    " around £40 million, the Premier League club said.",
                ),
                (
                    "Lille agree to sell top scorer to Premier League side",
                    "The French club accepted a bid from Newcastle for their Nigeria"
                    " international, who scored 19 goals in Ligue 1 last season.",
                ),
                (
                    "Okafor: Joining the Magpies is a dream come true",
                    "The Super Eagles forward said he was eager to play in front of the St James'"
                    " Park crowd after sealing his switch to the north-east.",
                ),
            ],
        ],
    ),
    (
        "migration",
        [
            [
                (
                    "Four die trying to cross Channel from northern France",
                    "Four people died when an overcrowded dinghy got into difficulty shortly"
                    " after leaving a beach near Boulogne-sur-Mer before dawn.",
                ),
                (
                    "French coastguard rescues 60 after small boat tragedy",
                    "Rescuers pulled about 60 people from the water off the Pas-de-Calais coast,"
                    " but four migrants could not be revived, the maritime prefecture said.",
                ),
                (
                    "Survivors of deadly Channel crossing describe panic on board",
                    "People who survived the sinking near Boulogne said the inflatable began"
                    " taking on water within minutes of setting off for England.",
                ),
            ],
            [
                (
                    "Boat carrying 140 Rohingya refugees lands in Aceh",
                    "A wooden boat with about 140 Rohingya, most of them women and children, came"
                    " ashore on a beach in Indonesia's Aceh province after weeks at sea.",
                ),
                (
                    "Rohingya arrivals in Indonesia spark local protests",
                    "Villagers in northern Sumatra objected to the refugees staying on the beach,"
                    " and officials moved them to a temporary shelter.",
                ),
                (
                    "UNHCR urges Jakarta to let Rohingya boat passengers stay",
                    "The UN refugee agency called on Indonesian authorities to give the 140 new"
                    " arrivals shelter, saying many were weak and dehydrated.",
                ),
            ],
        ],
    ),
    (
        "crime",
        [
            [
                (
                    "Armed gang steals £3m of watches from Birmingham jeweller",
                    "Four men armed with hammers and a handgun raided a shop in Birmingham's"
                    " Jewellery Quarter on Thursday afternoon and fled on mopeds.",
                ),
                (
                    "Police hunt moped robbers after Jewellery Quarter raid",
                    "West Midlands Police released images of the suspects who took luxury watches"
                    " worth an estimated three million pounds from the store.",
                ),
                (
                    "Two arrested over Birmingham watch heist",
                    "Detectives said two men had been detained in Wolverhampton and some of the"
                    " stolen watches recovered.",
                ),
            ],
            [
                (
                    "Gunmen rob cash-in-transit van on São Paulo highway",
                    "Heavily armed robbers forced a security van off the Bandeirantes highway and"
                    " escaped with an undisclosed sum after blowing open its doors.",
                ),
                (
                    "Brazilian police search for gang behind explosive armored truck heist",
                    "Officers in São Paulo state set up roadblocks after criminals used"
                    " explosives to break into an armored car carrying bank cash.",
                ),
                (
                    "Guard injured as robbers blast open security truck near Campinas",
                    "One security guard was taken to hospital after the attack on the cash truck,"
                    " which took place on a highway north of São Paulo.",
                ),
            ],
        ],
    ),
    (
        "ports",
        [
            [
                (
                    "IT failure halts cranes at Felixstowe container port",
                    "Loading and unloading stopped at Britain's busiest container port for most"
                    " of Sunday after a failure in the terminal's operating system.",
                ),
                (
                    "Lorries queue for miles as Suffolk port grinds to a halt",
                    "Hauliers waited for hours on the A14 after a computer fault stopped"
                    " container handling at Felixstowe.",
                ),
                (
                    "Felixstowe back to normal after systems outage, port says",
                    "The port said its terminal computer systems had been restored and ships"
                    " delayed by Sunday's outage were being worked.",
                ),
            ],
            [
                (
                    "Power cut shuts container terminals at Port of Savannah",
                    "Operations at Georgia's main container port were suspended on Wednesday"
                    " after a substation fault knocked out power to cranes and gates.",
                ),
                (
                    "Georgia port outage leaves ships waiting offshore",
                    "About a dozen vessels were anchored off the coast while the Georgia Ports"
                    " Authority worked to restore electricity to its terminals.",
                ),
                (
                    "Savannah cranes moving again after day-long blackout",
                    "Power was restored at the port late on Wednesday, but truckers warned of"
                    " backlogs at the gates for the rest of the week.",
                ),
            ],
        ],
    ),
    (
        "mining",
        [
            [
                (
                    "Methane blast kills 11 at Colombian coal mine",
                    "An explosion caused by a build-up of methane gas killed 11 miners in"
                    " Cucunubá, in Cundinamarca province north of Bogotá.",
                ),
                (
                    "Rescuers recover bodies after coal mine explosion in Cundinamarca",
                    "Rescue teams reached the last of the trapped workers at the underground"
                    " mine, hundreds of metres below the surface.",
                ),
                (
                    "Colombia's mining agency suspends operations at Cucunubá pit",
                    "The national mining agency ordered the mine closed while it investigates"
                    " whether gas detectors were working at the time of the blast.",
                ),
            ],
            [
                (
                    "Gold mine collapse traps dozens in Zimbabwe",
                    "At least 30 artisanal miners are feared trapped after a shaft collapsed at a"
                    " disused gold mine near Kadoma.",
                ),
                (
                    "Six rescued alive from collapsed Kadoma gold shaft",
                    "Rescuers in Zimbabwe brought six people to the surface alive on Friday as"
                    " the search continued for about two dozen others.",
                ),
                (
                    "Zimbabwe's mines minister visits site of shaft collapse",
                    "The minister of mines said illegal digging had weakened the old shaft and"
                    " promised a crackdown on unlicensed gold panners.",
                ),
            ],
        ],
    ),
    (
        "road accidents",
        [
            [
                (
                    "Bus plunges into ravine in Bolivia, killing 23",
                    "A long-distance bus fell 300 metres into a gorge on the road between Potosí"
                    " and Oruro on Monday night, police said.",
                ),
                (
                    "Bolivian police blame brake failure for deadly bus crash",
                    "Investigators said the coach's brakes appear to have failed on a steep"
                    " descent before it left the road in the Andean highlands.",
                ),
                (
                    "Relatives gather in Oruro as victims of bus crash are identified",
                    "Families waited outside the morgue in Oruro as officials named the 23 people"
                    " who died when their bus went off a mountain road.",
                ),
            ],
            [
                (
                    "Fog causes 50-car pile-up on Czech D1 motorway",
                    "Dozens of cars and lorries collided in thick fog on the D1 near Brno on"
                    " Thursday morning, injuring more than 30 people.",
                ),
                (
                    "Brno motorway crash: 30 hurt as drivers hit fog bank",
                    "Emergency services took the injured to hospitals across South Moravia after"
                    " a chain collision involving about fifty vehicles.",
                ),
                (
                    "Czech motorway reopens after mass collision",
                    "The D1, the country's main east-west road, reopened late on Thursday after"
                    " crews cleared the wreckage of the fog-bound pile-up.",
                ),
            ],
        ],
    ),
    (
        "building collapse",
        [
            [
                (
                    "Three-storey building collapses in Lagos",
                    "A residential building in the Ikorodu area of Lagos caved in on Saturday"
                    " night, trapping an unknown number of occupants.",
                ),
                (
                    "Nigerian rescuers pull 12 survivors from rubble",
                    "Emergency workers in Nigeria's commercial capital freed twelve people from"
                    " the wreckage of the collapsed block overnight.",
                ),
                (
                    "Lagos state orders demolition of buildings near Ikorodu collapse",
                    "The state's building control agency said nearby structures built by the same"
                    " developer failed integrity tests and would be pulled down.",
                ),
            ],
            [
                (
                    "Five-storey building collapses in Dhaka",
                    "A residential block in the Mirpur district of Dhaka collapsed early on"
                    " Tuesday, and firefighters are searching for people under the debris.",
                ),
                (
                    "Bangladesh rescuers search rubble of Mirpur block",
                    "Fire service teams using sniffer dogs worked through the night at the"
                    " collapsed building in the Bangladeshi capital.",
                ),
                (
                    "Owner of collapsed Dhaka building arrested",
                    "Police detained the owner of the Mirpur building after engineers said two"
                    " floors had been added without permission.",
                ),
            ],
        ],
    ),
    (
        "parliament",
        [
            [
                (
                    "Finnish MPs approve budget with income tax cuts",
                    "Finland's parliament passed next year's budget by 104 votes to 79, backing"
                    " the government's plan to lower income tax for middle earners.",
                ),
                (
                    "Eduskunta passes budget after marathon debate",
                    "Lawmakers in Helsinki approved the spending plan after a two-day debate in"
                    " which the opposition attacked cuts to unemployment benefit.",
                ),
                (
                    "Finance minister welcomes budget vote, warns of tighter years ahead",
                    "Finland's finance minister said the budget's approval gave certainty to"
                    " businesses but that further savings would be needed.",
                ),
            ],
            [
                (
                    "Romanian parliament approves budget in late-night vote",
                    "Deputies and senators in Bucharest voted through the state budget shortly"
                    " before midnight, aiming to bring the deficit below 6 per cent of GDP.",
                ),
                (
                    "Romania's lawmakers pass austerity budget amid protests",
                    "Public-sector unions rallied outside the parliament palace as MPs approved a"
                    " budget that freezes public wages.",
                ),
                (
                    "Bucharest budget vote clears way for EU funds, PM says",
                    "Romania's prime minister said parliament's approval of the spending plan"
                    " would unlock delayed payments from the European Union.",
                ),
            ],
        ],
    ),
    (
        "diplomacy",
        [
            [
                (
                    "South Korean president begins state visit to Kazakhstan",
                    "South Korea's president arrived in Astana for a three-day visit focused on"
                    " critical minerals and energy cooperation.",
                ),
                (
                    "Seoul and Astana sign deals on rare metals and nuclear power",
                    "The two countries signed twelve agreements, including one giving Korean"
                    " firms access to Kazakh tungsten deposits.",
                ),
                (
                    "Kazakh president hosts Korean leader at Akorda palace",
                    "The head of state welcomed his South Korean counterpart with a ceremony at"
                    " the presidential palace in the capital.",
                ),
            ],
            [
                (
                    "Malaysian prime minister arrives in Brazil on official visit",
                    "Malaysia's prime minister landed in Brasília for talks on trade, palm oil"
                    " and semiconductors with the Brazilian president.",
                ),
                (
                    "Brazil and Malaysia agree to double trade by 2030",
                    "Leaders of the two countries signed a joint statement in the Brazilian"
                    " capital setting a target to double bilateral trade within five years.",
                ),
                (
                    "Brazilian president welcomes Malaysian leader at Planalto Palace",
                    "Brazil's president received the Malaysian prime minister at the presidential"
                    " palace in Brasília, praising closer ties between Latin America and"
                    " Southeast Asia.",
                ),
            ],
        ],
    ),
    (
        "pensions",
        [
            [
                (
                    "German pensions to rise 4.2% from July",
                    "Around 21 million pensioners in Germany will receive a 4.2 per cent increase"
                    " in their state pension from July, the labour ministry said.",
                ),
                (
                    "Berlin confirms pension increase for 21 million retirees",
                    "The German government said statutory pensions would go up by more than four"
                    " percent this summer, in line with wage growth.",
                ),
                (
                    "Labour minister: pension rise shows system is stable",
                    "Germany's labour minister said the July increase proved that the state"
                    " pension kept pace with earnings despite an ageing population.",
                ),
            ],
            [
                (
                    "Slovenia to raise retirement age to 67",
                    "Slovenia's government approved a reform that will lift the statutory"
                    " retirement age from 65 to 67 over the next decade.",
                ),
                (
                    "Slovenian unions reject plan to make people work longer",
                    "Trade unions in Ljubljana said they would fight the government's proposal to"
                    " raise the pension age by two years.",
                ),
                (
                    "Ljubljana's pension overhaul heads to parliament",
                    "The reform, which also changes how pensions are calculated, will go to"
                    " lawmakers next month, the labour minister said.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
