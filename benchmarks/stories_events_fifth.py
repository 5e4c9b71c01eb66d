"""A fifth set of events for the story evaluation, written after the grouping was fixed.

Written for Newsreader once the grouping method was settled, by a writer who did not
read how it works, and never used to tune anything: another clean test of it.  Fourteen
topics in each language that none of ``stories_events.py``, ``stories_events_fresh.py``,
``stories_events_unseen.py`` and ``stories_events_fourth.py`` has; each topic has two
invented events of the same kind (the hard negatives: same topic, another event,
sometimes in the same country), each told three ways as three outlets would tell it, in
other words (the hard positives: one names the city, another the country, the capital
or a nickname; an official's title for a name; a number written another way).  Run this
module to write the labelled pairs::

    python benchmarks/stories_events_fifth.py > benchmarks/stories_eval_fifth.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "سلامة الغذاء",
        [
            [
                (
                    "هيئة الغذاء والدواء السعودية تسحب تشغيلات من حليب أطفال «نمو جولد»",
                    "أعلنت الهيئة العامة للغذاء والدواء في السعودية سحب ثلاث تشغيلات من حليب"
                    " الأطفال «نمو جولد» من الصيدليات ومنافذ البيع بعد رصد تلوث ببكتيريا"
                    " كرونوباكتر.",
                ),
                (
                    "تحذير من حليب أطفال ملوث في الأسواق السعودية",
                    "دعت السلطات الصحية في المملكة الأهالي إلى التوقف عن استخدام عبوات حليب رضع"
                    " مستوردة تحمل أرقام تشغيلات محددة وإعادتها إلى نقاط الشراء.",
                ),
                (
                    "سحب حليب رضع من الصيدليات بعد رصد بكتيريا خطرة",
                    "قال متحدث باسم هيئة الغذاء والدواء إن فحوصا مخبرية روتينية كشفت وجود"
                    " البكتيريا في عينات من حليب «نمو جولد»، ولم تسجل أي إصابات بين الرضع حتى"
                    " الآن.",
                ),
            ],
            [
                (
                    "«أونسا» تسحب علب سردين معلبة من الأسواق بسبب ارتفاع الهيستامين",
                    "قرر المكتب الوطني للسلامة الصحية للمنتجات الغذائية سحب دفعة من علب السردين"
                    " المنتجة في وحدة صناعية بأكادير، بعد تجاوز نسبة الهيستامين الحد المسموح به.",
                ),
                (
                    "سحب سردين مصبر من المتاجر المغربية",
                    "طالبت السلطات المغربية المستهلكين بعدم تناول علب سردين بالزيت تحمل تاريخ"
                    " إنتاج شهر مارس، وأوقفت تسويقها في المتاجر الكبرى.",
                ),
                (
                    "تعليق نشاط مصنع تعليب في عاصمة سوس بعد فحوص مخبرية",
                    "أوقفت السلطات مؤقتا خط إنتاج في مصنع لتعليب السمك بأكادير بعد أن أظهرت"
                    " التحاليل نسبا مرتفعة من الهيستامين في منتجاته من السردين.",
                ),
            ],
        ],
    ),
    (
        "انزلاقات أرضية",
        [
            [
                (
                    "مقتل 9 أشخاص في انهيار صخري بمحافظة ريمة غرب اليمن",
                    "لقي تسعة أشخاص بينهم أطفال حتفهم بعد أن طمرت كتل صخرية ثلاثة منازل في قرية"
                    " بمديرية الجبين في محافظة ريمة، إثر أمطار غزيرة استمرت يومين.",
                ),
                (
                    "انزلاق جبلي يطمر منازل في قرية يمنية",
                    "واصل الأهالي وفرق الدفاع المدني البحث تحت الأنقاض في ريمة بعد انزلاق كتل من"
                    " الصخور والطين على قرية معلقة في سفح جبل.",
                ),
                (
                    "الدفاع المدني: انتشال جثث ضحايا الانهيار الصخري في الجبين",
                    "قال مدير الدفاع المدني في المحافظة إن فرق الإنقاذ انتشلت جثث الضحايا التسعة"
                    " من تحت الركام، وإن الطريق المؤدي إلى القرية ما زال مقطوعا.",
                ),
            ],
            [
                (
                    "انزلاق للتربة يقطع الطريق الوطني في تيزي وزو",
                    "تسبب انزلاق للتربة في بلدية عين الحمام بولاية تيزي وزو في قطع الطريق الوطني"
                    " رقم 15 وتشقق جدران عشرات المنازل.",
                ),
                (
                    "إجلاء 40 عائلة بعد انزلاق أرضي في منطقة القبائل",
                    "أجلت السلطات الجزائرية أربعين عائلة من حي مهدد بالانهيار في أعالي جرجرة بعد"
                    " انزلاق أرضي أعقب أياما من الأمطار.",
                ),
                (
                    "والي تيزي وزو يعاين المنازل المتضررة في عين الحمام",
                    "زار والي الولاية موقع الانزلاق وأمر بإيواء العائلات المتضررة مؤقتا وفتح مسلك"
                    " بديل لحركة المرور إلى حين تثبيت التربة.",
                ),
            ],
        ],
    ),
    (
        "ألعاب القوى",
        [
            [
                (
                    "المغربية سلمى بنعيسى تحطم الرقم القياسي الإفريقي في 1500 متر",
                    "سجلت العداءة المغربية سلمى بنعيسى زمنا قدره 3 دقائق و52 ثانية و41 جزءا من"
                    " المئة في سباق 1500 متر بالملتقى الدولي لألعاب القوى في الرباط.",
                ),
                (
                    "رقم إفريقي جديد لعداءة مغربية في ملتقى الرباط",
                    "أسعدت ابنة مدينة إفران الجمهور في ملعب الأمير مولاي عبد الله بعد أن أنهت"
                    " السباق في المركز الأول متقدمة على منافسات من كينيا وإثيوبيا.",
                ),
                (
                    "بنعيسى: الرقم القياسي ثمرة عامين من التدريب في المرتفعات",
                    "قالت البطلة المغربية عقب فوزها في سباق الألف وخمسمئة متر إنها كانت تستهدف"
                    " الرقم الإفريقي منذ الموسم الماضي، وتطمح إلى ميدالية في بطولة العالم.",
                ),
            ],
            [
                (
                    "الجزائري ياسين مرابط يحطم الرقم العربي في 800 متر",
                    "حقق العداء الجزائري ياسين مرابط زمنا قدره دقيقة و42 ثانية و30 جزءا من المئة"
                    " في سباق 800 متر خلال الملتقى الدولي لألعاب القوى بوهران.",
                ),
                (
                    "رقم عربي جديد في سباق 800 متر بعاصمة الغرب الجزائري",
                    "فاز مرابط بسباق 800 متر في ملتقى وهران أمام مدرجات ممتلئة، ليمحو رقما عربيا"
                    " صمد أكثر من عشرين عاما.",
                ),
                (
                    "وزير الرياضة يهنئ عداء الجزائر بعد إنجازه في وهران",
                    "هنأ وزير الشباب والرياضة الجزائري العداء البالغ 23 عاما على تحطيمه الرقم"
                    " القياسي العربي لسباق الثمانمئة متر، ووعده بتوفير معسكر تحضيري في الخارج.",
                ),
            ],
        ],
    ),
    (
        "ضرائب",
        [
            [
                (
                    "الكويت تقر ضريبة انتقائية على المشروبات المحلاة",
                    "أقر مجلس الوزراء الكويتي فرض ضريبة انتقائية بنسبة 50 في المئة على المشروبات"
                    " المحلاة و100 في المئة على مشروبات الطاقة اعتبارا من مطلع العام المقبل.",
                ),
                (
                    "أسعار المشروبات الغازية ترتفع بمقدار النصف في الكويت العام المقبل",
                    "ستزيد أسعار المشروبات السكرية في الأسواق الكويتية بنحو النصف بعد إقرار"
                    " الحكومة ضريبة جديدة تستهدف الحد من السمنة وتنويع الإيرادات.",
                ),
                (
                    "وزير المالية: الضريبة الانتقائية تدر 120 مليون دينار سنويا",
                    "قال وزير المالية الكويتي إن الضريبة الجديدة على مشروبات الطاقة والمشروبات"
                    " المحلاة ستوفر للخزينة العامة نحو 120 مليون دينار في السنة.",
                ),
            ],
            [
                (
                    "العراق يرفع ضريبة المبيعات على بطاقات شحن الهاتف إلى 25%",
                    "قررت الحكومة العراقية رفع ضريبة المبيعات المفروضة على بطاقات تعبئة رصيد"
                    " الهاتف المحمول وخدمات الإنترنت من 20 إلى 25 في المئة.",
                ),
                (
                    "تذمر بين المشتركين في بغداد بعد زيادة سعر كارت الشحن",
                    "اشتكى مستخدمو الهواتف في العاصمة العراقية من ارتفاع سعر بطاقة الرصيد فئة"
                    " خمسة آلاف دينار بعد تطبيق الضريبة الجديدة.",
                ),
                (
                    "الهيئة العامة للضرائب: الزيادة تقتصر على خدمات الاتصالات",
                    "أوضح مدير عام الهيئة العامة للضرائب في العراق أن رفع النسبة إلى ربع قيمة"
                    " البطاقة يطال شحن الهواتف واشتراكات الإنترنت فقط دون غيرها من السلع.",
                ),
            ],
        ],
    ),
    (
        "حبوب",
        [
            [
                (
                    "مصر تشتري 420 ألف طن من القمح الروسي والروماني",
                    "اشترت الجهة الحكومية المسؤولة عن استيراد السلع الأساسية في مصر 420 ألف طن من"
                    " القمح في مناقصة دولية، على أن تشحن الكميات خلال الشهر المقبل.",
                ),
                (
                    "القاهرة تحسم مناقصة قمح بأسعار أقل من السوق العالمية",
                    "قال متعاملون أوروبيون إن مصر اشترت سبع شحنات من القمح بسعر متوسط بلغ 238"
                    " دولارا للطن شاملا تكلفة الشحن.",
                ),
                (
                    "٤٢٠ ألف طن قمح تصل إلى موانئ دمياط وسفاجا تباعا",
                    "أعلنت وزارة التموين المصرية أن شحنات القمح التي جرى التعاقد عليها من روسيا"
                    " ورومانيا ستصل إلى ميناءي دمياط وسفاجا على دفعات.",
                ),
            ],
            [
                (
                    "الهيئة العامة للأمن الغذائي تشتري 600 ألف طن من القمح",
                    "أعلنت الهيئة العامة للأمن الغذائي في السعودية ترسية مناقصة لاستيراد 600 ألف"
                    " طن من قمح الطحين على عشر شحنات.",
                ),
                (
                    "السعودية تحجز 10 شحنات قمح في مناقصة جديدة",
                    "قال تجار في هامبورغ وباريس إن المملكة اشترت نحو ستمئة ألف طن من القمح من"
                    " منشأ اختياري بسعر متوسط قدره 251 دولارا للطن.",
                ),
                (
                    "وصول شحنات القمح المستورد إلى الدمام وجازان بين مايو ويوليو",
                    "ذكرت الهيئة أن القمح المتعاقد عليه سيصل إلى ميناءي الدمام وجازان على دفعات"
                    " بين مايو ويوليو لتعزيز المخزون الاستراتيجي للمملكة.",
                ),
            ],
        ],
    ),
    (
        "عطل رسمية",
        [
            [
                (
                    "مجلس الوزراء المصري: عطلة عيد الفطر 5 أيام للعاملين بالدولة",
                    "أعلن مجلس الوزراء في مصر أن إجازة عيد الفطر للعاملين في الجهاز الإداري"
                    " للدولة والقطاع العام ستمتد خمسة أيام تبدأ الأحد.",
                ),
                (
                    "إجازة العيد في مصر تبدأ الأحد وتستمر حتى الخميس",
                    "قرر رئيس الوزراء منح الموظفين إجازة رسمية مدفوعة الأجر بمناسبة عيد الفطر"
                    " المبارك، على أن يستأنف العمل في الأحد التالي.",
                ),
                (
                    "خمسة أيام عطلة للموظفين بمناسبة عيد الفطر",
                    "يستفيد ملايين الموظفين في القطاع الحكومي المصري من عطلة مطولة بمناسبة عيد"
                    " الفطر، فيما تعمل المستشفيات والمرافق الحيوية بنظام المناوبات.",
                ),
            ],
            [
                (
                    "سلطنة عمان تعلن إجازة رسمية لمدة يومين بمناسبة العيد الوطني",
                    "أعلنت وزارة العمل العمانية منح موظفي القطاعين العام والخاص إجازة رسمية يومي"
                    " الأربعاء والخميس احتفالا بالعيد الوطني.",
                ),
                (
                    "إجازة العيد الوطني في السلطنة تمتد إلى نهاية الأسبوع",
                    "مع اقتران الإجازة بعطلة نهاية الأسبوع يحصل الموظفون في عُمان على أربعة أيام"
                    " متتالية تزامنا مع احتفالات العيد الوطني.",
                ),
                (
                    "مسقط تتزين لاحتفالات العيد الوطني وعطلة لأربعة أيام",
                    "تستعد مسقط لاستقبال الزوار خلال عطلة العيد الوطني التي تبدأ الأربعاء، مع"
                    " توقع إقبال كبير على الفنادق في الجبل الأخضر وصور.",
                ),
            ],
        ],
    ),
    (
        "جسور",
        [
            [
                (
                    "إغلاق الجسر المعلق في بغداد ثلاثة أشهر لأعمال الصيانة",
                    "أعلنت أمانة بغداد إغلاق الجسر المعلق أمام حركة السيارات لمدة ثلاثة أشهر"
                    " لاستبدال الكابلات ومفاصل التمدد.",
                ),
                (
                    "زحام خانق في الكرادة بعد غلق أحد جسور العاصمة",
                    "شهدت شوارع الكرادة والجادرية اختناقات مرورية حادة في اليوم الأول لإغلاق"
                    " الجسر المعلق لأغراض الصيانة.",
                ),
                (
                    "أمين بغداد: تسعون يوما لإعادة تأهيل الجسر المعلق",
                    "قال أمين العاصمة إن أعمال تأهيل الجسر الذي يربط جانبي الرصافة والكرخ ستنجز"
                    " خلال تسعين يوما، وإن مسارات بديلة حددت للمركبات.",
                ),
            ],
            [
                (
                    "غلق كوبري طلخا العلوي بالمنصورة شهرا للصيانة",
                    "قررت محافظة الدقهلية غلق كوبري طلخا العلوي المار فوق نهر النيل أمام حركة"
                    " السيارات لمدة شهر لإجراء أعمال صيانة شاملة.",
                ),
                (
                    "تحويلات مرورية في الدقهلية بسبب إصلاح جسر على النيل",
                    "أعلنت إدارة المرور في الدقهلية عن تحويلات مرورية للسيارات المتجهة بين"
                    " المنصورة وطلخا طوال فترة إصلاح الجسر.",
                ),
                (
                    "محافظ الدقهلية يتابع أعمال تطوير كوبري طلخا",
                    "تفقد محافظ الدقهلية أعمال ترميم الكوبري الذي يربط بين المنصورة ومدينة طلخا،"
                    " مؤكدا انتهاء الأعمال خلال ثلاثين يوما.",
                ),
            ],
        ],
    ),
    (
        "بحث وإنقاذ",
        [
            [
                (
                    "العثور على شابين مفقودين في الربع الخالي بعد 3 أيام من البحث",
                    "عثرت فرق البحث والإنقاذ في منطقة نجران على شابين سعوديين على قيد الحياة بعد"
                    " أن تعطلت سيارتهما وضلا الطريق في صحراء الربع الخالي.",
                ),
                (
                    "نجاة مواطنين تاها في الصحراء جنوب المملكة",
                    "نقلت طائرة إسعاف الشابين إلى مستشفى في نجران وهما يعانيان من الجفاف والإرهاق"
                    " بعد ثلاثة أيام قضياها دون ماء تقريبا.",
                ),
                (
                    "الدفاع المدني: متطوعون ساعدوا في تحديد موقع التائهين",
                    "قال متحدث الدفاع المدني إن متطوعين من أبناء المنطقة شاركوا في عمليات التمشيط"
                    " التي انتهت بالعثور على المفقودين على بعد 90 كيلومترا من شرورة.",
                ),
            ],
            [
                (
                    "البحث عن صيادين مفقودين قبالة شاطئ صور",
                    "تواصل وحدات من الجيش اللبناني والدفاع المدني البحث عن صيادين اثنين فقد"
                    " الاتصال بهما بعد أن أبحرا من ميناء صور قبيل هبوب العاصفة.",
                ),
                (
                    "عاصفة تبتلع قارب صيد في جنوب لبنان وصيادان في عداد المفقودين",
                    "عثر على حطام قارب صيد صغير قرب رأس العين جنوب صور، فيما لا يزال مصير"
                    " البحارين مجهولا لليوم الثاني.",
                ),
                (
                    "أهالي الصيادين المفقودين يناشدون توسيع رقعة البحث",
                    "تجمع أقارب الصيادين على رصيف الميناء في المدينة الجنوبية مطالبين بالاستعانة"
                    " بطائرات للبحث بعد يومين من اختفائهما في البحر.",
                ),
            ],
        ],
    ),
    (
        "احتجاجات",
        [
            [
                (
                    "خريجون عاطلون يغلقون طرقا في الناصرية للمطالبة بالتعيين",
                    "أغلق مئات الخريجين العاطلين عن العمل طرقا رئيسية في مدينة الناصرية بمحافظة"
                    " ذي قار، مطالبين الحكومة بتوفير فرص عمل في القطاع العام.",
                ),
                (
                    "احتجاجات في ذي قار لليوم الثالث على البطالة",
                    "واصل محتجون في جنوب العراق اعتصامهم أمام مبنى المحافظة لليوم الثالث رافعين"
                    " شهادات جامعية ولافتات تطالب بالتوظيف.",
                ),
                (
                    "محافظ ذي قار يتعهد بنقل مطالب المعتصمين إلى بغداد",
                    "التقى المحافظ ممثلين عن الخريجين المعتصمين في الناصرية ووعد برفع مطالبهم إلى"
                    " رئاسة الوزراء، دون أن يعلن المحتجون إنهاء اعتصامهم.",
                ),
            ],
            [
                (
                    "شبان يحتجون أمام مقر شركة المناجم في الزويرات",
                    "تظاهر عشرات الشبان في مدينة الزويرات شمال موريتانيا أمام مقر الشركة الوطنية"
                    " للصناعة والمناجم مطالبين بتشغيل أبناء المدينة.",
                ),
                (
                    "احتجاجات شبابية في عاصمة تيرس الزمور للمطالبة بفرص عمل",
                    "رفع المحتجون في ولاية تيرس الزمور شعارات تندد بما وصفوه بتهميش أبناء المنطقة"
                    " في التوظيف لدى الشركة المشغلة لمناجم الحديد.",
                ),
                (
                    "والي تيرس الزمور يستقبل ممثلين عن المحتجين",
                    "استقبل والي الولاية وفدا من الشبان المعتصمين أمام شركة «اسنيم» وتعهد بفتح"
                    " حوار مع إدارتها حول تشغيل اليد العاملة المحلية.",
                ),
            ],
        ],
    ),
    (
        "أمراض الماشية",
        [
            [
                (
                    "تسجيل إصابات بالحمى القلاعية في مزارع أبقار بمصراتة",
                    "أعلن المركز الوطني للصحة الحيوانية في ليبيا تسجيل إصابات بالحمى القلاعية في"
                    " عدة مزارع للأبقار بمدينة مصراتة، وبدء تحصين القطعان المجاورة.",
                ),
                (
                    "نفوق عشرات العجول في مصراتة وحملة تطعيم عاجلة",
                    "نفق أكثر من خمسين عجلا في مزارع غرب مصراتة خلال أسبوع، ما دفع السلطات"
                    " البيطرية إلى إطلاق حملة تحصين طارئة.",
                ),
                (
                    "منع نقل المواشي من مصراتة وإليها بعد ظهور الحمى القلاعية",
                    "فرضت السلطات الليبية حظرا مؤقتا على نقل الأبقار والأغنام من المدينة الساحلية"
                    " وإليها، وأغلقت سوق المواشي الأسبوعي.",
                ),
            ],
            [
                (
                    "تسجيل إصابات بحمى الوادي المتصدع بين الماشية في ولاية القضارف",
                    "أعلنت وزارة الثروة الحيوانية السودانية رصد إصابات بحمى الوادي المتصدع بين"
                    " قطعان الأبقار والضأن في ثلاث محليات بولاية القضارف.",
                ),
                (
                    "نفوق مئات الرؤوس من الضأن في شرق السودان",
                    "أبلغ رعاة في محليات القضارف عن نفوق مئات الرؤوس من الضأن وحالات إجهاض بين"
                    " النعاج خلال أسبوعين بعد موسم أمطار غزير.",
                ),
                (
                    "السلطات البيطرية تغلق أسواق المواشي في القضارف مؤقتا",
                    "أغلقت السلطات في الولاية الحدودية أسواق الماشية وأوقفت حركة القطعان نحو"
                    " ميناء بورتسودان حتى السيطرة على حمى الوادي المتصدع.",
                ),
            ],
        ],
    ),
    (
        "حج",
        [
            [
                (
                    "الهيئة العامة للإحصاء: 1.7 مليون حاج أدوا الفريضة هذا العام",
                    "أعلنت الهيئة العامة للإحصاء في السعودية أن عدد حجاج هذا العام بلغ مليونا"
                    " وسبعمئة ألف حاج، بينهم أكثر من مليون ونصف قدموا من خارج المملكة.",
                ),
                (
                    "عدد الحجاج يقترب من مليونين في موسم هذا العام",
                    "قالت السلطات السعودية إن قرابة 1.7 مليون مسلم أدوا مناسك الحج، في موسم شهد"
                    " درجات حرارة مرتفعة في مشعر عرفات.",
                ),
                (
                    "١٫٧ مليون حاج على صعيد عرفات",
                    "تدفق نحو 1.7 مليون حاج من 160 بلدا إلى صعيد عرفات لأداء الركن الأعظم من"
                    " أركان الحج، وفق الأرقام الرسمية.",
                ),
            ],
            [
                (
                    "انطلاق أولى رحلات الحجاج الجزائريين من مطار عنابة نحو المدينة المنورة",
                    "أقلعت من مطار رابح بيطاط في عنابة أول طائرة تقل 300 حاج جزائري نحو المدينة"
                    " المنورة، إيذانا ببدء موسم نقل الحجاج.",
                ),
                (
                    "الديوان الوطني للحج: نقل 41 ألف حاج جزائري على 120 رحلة",
                    "أوضح الديوان الوطني للحج والعمرة أن نقل الحجاج الجزائريين سيتم على مدى ثلاثة"
                    " أسابيع انطلاقا من عشرة مطارات، وكانت أولى الرحلات من عنابة.",
                ),
                (
                    "دموع وزغاريد في توديع أول فوج من حجاج الشرق الجزائري",
                    "ودعت عائلات في عنابة ذويها المتوجهين إلى البقاع المقدسة ضمن أول فوج لحجاج"
                    " الجزائر هذا الموسم.",
                ),
            ],
        ],
    ),
    (
        "مناورات عسكرية",
        [
            [
                (
                    "اختتام المناورات البحرية المصرية السعودية «شهاب البحر 3» في البحر الأحمر",
                    "اختتمت القوات البحرية المصرية والسعودية تدريب «شهاب البحر 3» الذي استمر عشرة"
                    " أيام في البحر الأحمر بمشاركة فرقاطات ولنشات صواريخ.",
                ),
                (
                    "القاهرة والرياض تنفذان تدريبا بحريا مشتركا لتأمين الملاحة",
                    "نفذت وحدات من البحريتين المصرية والسعودية رمايات بالذخيرة الحية وتدريبات على"
                    " مكافحة القرصنة ضمن تدريب مشترك استمر عشرة أيام.",
                ),
                (
                    "المتحدث العسكري: «شهاب البحر» يعزز التعاون بين البحريتين",
                    "قال المتحدث العسكري المصري إن التدريب المشترك مع القوات البحرية الملكية"
                    " السعودية شمل عمليات تفتيش على السفن وحماية الممرات البحرية في البحر الأحمر.",
                ),
            ],
            [
                (
                    "الجيش الجزائري ينفذ تمرينا بالذخيرة الحية في بشار",
                    "نفذت وحدات من الجيش الوطني الشعبي تمرينا تكتيكيا بالذخيرة الحية أطلق عليه"
                    " «درع الجنوب» في الناحية العسكرية الثالثة ببشار.",
                ),
                (
                    "رئيس أركان الجيش الوطني الشعبي يشرف على تمرين «درع الجنوب»",
                    "أشرف رئيس أركان الجيش الجزائري على تمرين «درع الجنوب» الذي شاركت فيه قوات"
                    " برية وجوية في الجنوب الغربي للبلاد.",
                ),
                (
                    "مناورات عسكرية واسعة في الجنوب الغربي الجزائري",
                    "شاركت دبابات ومروحيات قتالية وطائرات مسيرة في تمرين بالذخيرة الحية في منطقة"
                    " بشار، وفق بيان لوزارة الدفاع الوطني.",
                ),
            ],
        ],
    ),
    (
        "تعداد سكاني",
        [
            [
                (
                    "النتائج الأولية للتعداد العام في ليبيا: 7.4 ملايين نسمة",
                    "أعلنت مصلحة الإحصاء والتعداد الليبية أن عدد سكان البلاد بلغ 7.4 ملايين نسمة،"
                    " وفق النتائج الأولية لأول تعداد عام منذ نحو عقدين.",
                ),
                (
                    "طرابلس الغرب تستحوذ على ربع سكان ليبيا وفق التعداد الجديد",
                    "أظهرت بيانات التعداد السكاني أن نحو ربع الليبيين يقيمون في العاصمة وضواحيها،"
                    " تليها بنغازي ثم مصراتة.",
                ),
                (
                    "أول تعداد سكاني في ليبيا منذ 2006 يكشف تراجع نسبة الأطفال",
                    "كشف التعداد الذي نفذته السلطات الليبية الخريف الماضي أن عدد السكان يقارب"
                    " سبعة ملايين وأربعمئة ألف، مع تراجع ملحوظ في نسبة من هم دون الخامسة عشرة.",
                ),
            ],
            [
                (
                    "الديوان الوطني للإحصائيات: عدد سكان الجزائر 47.6 مليون نسمة",
                    "كشفت النتائج الأولية للإحصاء العام للسكان والسكن الذي أجراه الديوان الوطني"
                    " للإحصائيات أن عدد سكان الجزائر بلغ 47.6 مليون نسمة.",
                ),
                (
                    "الجزائريون يقتربون من 48 مليونا",
                    "أظهر الإحصاء العام للسكان أن عدد سكان البلاد ارتفع بأكثر من عشرة ملايين منذ"
                    " الإحصاء السابق، مع تسارع النمو في ولايات الهضاب العليا.",
                ),
                (
                    "الإحصاء العام: الجزائر العاصمة ووهران وسطيف الأكثر سكانا",
                    "بيّن الإحصاء العام للسكان والسكن أن ولايات الجزائر العاصمة ووهران وسطيف تضم"
                    " أكبر عدد من السكان من بين 58 ولاية.",
                ),
            ],
        ],
    ),
    (
        "شطرنج",
        [
            [
                (
                    "المصري يوسف عبد الحميد أصغر أستاذ دولي كبير في العالم العربي",
                    "حصل لاعب الشطرنج المصري يوسف عبد الحميد على لقب الأستاذ الدولي الكبير وهو في"
                    " الرابعة عشرة من عمره، بعد تحقيقه المعيار الثالث في بطولة الغردقة المفتوحة.",
                ),
                (
                    "لاعب مصري عمره 14 عاما يحرز لقب الغراندماستر",
                    "انتزع لاعب شاب من طنطا لقب «الغراندماستر» من الاتحاد الدولي للشطرنج إثر"
                    " أدائه اللافت في بطولة مفتوحة أقيمت على ساحل البحر الأحمر.",
                ),
                (
                    "رئيس اتحاد الشطرنج: عبد الحميد أصغر أستاذ كبير في تاريخ مصر",
                    "قال رئيس الاتحاد المصري للشطرنج إن اللاعب الشاب حطم رقما صمد سنوات، ليصبح"
                    " أصغر مصري وعربي يحمل اللقب الأعلى في اللعبة.",
                ),
            ],
            [
                (
                    "التونسية مريم الزواري تتوج ببطولة إفريقيا للشطرنج للسيدات",
                    "فازت لاعبة الشطرنج التونسية مريم الزواري بلقب بطولة إفريقيا الفردية للسيدات"
                    " التي أقيمت في العاصمة الرواندية كيغالي، بعد أن جمعت 7.5 نقاط من 9.",
                ),
                (
                    "لقب قاري لتونس في الشطرنج النسائي",
                    "أنهت لاعبة تونسية البطولة الإفريقية للشطرنج في كيغالي دون أي خسارة، متقدمة"
                    " بنصف نقطة على منافستيها من مصر وجنوب إفريقيا.",
                ),
                (
                    "الزواري: الفوز في كيغالي يفتح لي باب كأس العالم",
                    "قالت البطلة التونسية بعد تتويجها إن اللقب الإفريقي يمنحها مقعدا في كأس"
                    " العالم للسيدات، مهدية الفوز إلى ناديها في المنستير.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "food recalls",
        [
            [
                (
                    "Golden Acre recalls peanut butter over salmonella fears",
                    "Golden Acre Foods is recalling more than 40,000 jars of creamy and crunchy"
                    " peanut butter sold in 22 US states after routine testing found salmonella"
                    " at its plant in Georgia.",
                ),
                (
                    "FDA warns consumers not to eat recalled peanut butter",
                    "The Food and Drug Administration urged Americans to throw away or return"
                    " jars of Golden Acre peanut butter with best-by dates in March, saying at"
                    " least nine people had fallen ill.",
                ),
                (
                    "Nine sickened as salmonella outbreak traced to Georgia nut butter plant",
                    "Federal health officials said an outbreak that has made nine people sick in"
                    " six states has been traced to a peanut processing facility in Albany,"
                    " Georgia, which has halted production.",
                ),
            ],
            [
                (
                    "Frozen raspberries recalled across Australia over hepatitis A risk",
                    "Food Standards Australia New Zealand said 1kg packs of imported frozen"
                    " raspberries sold under the Harvest Bay label were being pulled from shelves"
                    " nationwide because of possible hepatitis A contamination.",
                ),
                (
                    "Supermarkets pull frozen berries after Melbourne hepatitis cases",
                    "Three people in Melbourne have been diagnosed with hepatitis A after eating"
                    " frozen raspberries, prompting a nationwide recall, Victorian health"
                    " authorities said.",
                ),
                (
                    "Health chief urges shoppers to check freezers for recalled fruit",
                    "Victoria's chief health officer told anyone who had eaten Harvest Bay"
                    " berries in the past two weeks to seek a hepatitis A vaccination as a"
                    " precaution.",
                ),
            ],
        ],
    ),
    (
        "volcanoes",
        [
            [
                (
                    "Etna eruption closes Catania airport",
                    "Flights in and out of Catania were suspended on Tuesday after Mount Etna"
                    " sent a column of ash several kilometres into the sky over eastern Sicily.",
                ),
                (
                    "Ash from Europe's most active volcano grounds Sicily flights",
                    "Italy's civil aviation authority closed Sicily's busiest airport as lava"
                    " fountains lit up the night sky above the south-east crater of the volcano.",
                ),
                (
                    "Italian volcanologists say Etna activity could last for days",
                    "The National Institute of Geophysics and Volcanology said the latest"
                    " paroxysm at Mount Etna was the strongest this year, with ash falling on"
                    " towns on the volcano's eastern slopes.",
                ),
            ],
            [
                (
                    "Thousands evacuated as Kanlaon volcano erupts in the Philippines",
                    "More than 9,000 residents of villages on the island of Negros were moved to"
                    " evacuation centres after Kanlaon volcano spewed a plume of ash and gas"
                    " nearly 4km high.",
                ),
                (
                    "Philippine volcano agency raises alert level for Negros peak",
                    "Phivolcs raised the alert for Kanlaon to level 3, warning that a hazardous"
                    " eruption was possible within days, and ordered a 6km exclusion zone around"
                    " the crater.",
                ),
                (
                    "Ash blankets towns on Negros after volcanic blast",
                    "Schools were closed and face masks handed out in La Castellana and Canlaon"
                    " City as fine ash fell for a second day following the eruption.",
                ),
            ],
        ],
    ),
    (
        "athletics",
        [
            [
                (
                    "Kenya's Rotich breaks half-marathon world record in Valencia",
                    "Brian Kiprono Rotich ran 57 minutes 18 seconds in Valencia on Sunday to take"
                    " eight seconds off the men's half-marathon world record.",
                ),
                (
                    "Half-marathon record falls on fast Spanish course",
                    "A 23-year-old Kenyan won in cool conditions on the flat streets of the"
                    " Mediterranean city, lowering the men's world best for 21.1km to 57:18.",
                ),
                (
                    "World Athletics to ratify Rotich's 57:18 after Valencia run",
                    "The sport's governing body said it would begin the ratification process for"
                    " the Kenyan's record-breaking run, which came in only his third race over"
                    " the distance.",
                ),
            ],
            [
                (
                    "Ethiopian teenager Abebech Tola smashes 5,000m world record in Oslo",
                    "Abebech Tola, 19, clocked 13 minutes 59.8 seconds at the Bislett Games on"
                    " Thursday to become the first woman to run the 5,000 metres in under 14"
                    " minutes.",
                ),
                (
                    "First sub-14 minute women's 5,000m as record falls at Bislett",
                    "The Norwegian crowd roared as the Ethiopian pulled clear on the last lap and"
                    " stopped the clock below 14 minutes, a barrier once thought out of reach.",
                ),
                (
                    "Tola: I knew the record was possible after 3km",
                    "The 19-year-old from Ethiopia said the pacing lights on the Oslo track had"
                    " helped her and that she would now aim for gold at the world championships.",
                ),
            ],
        ],
    ),
    (
        "tax",
        [
            [
                (
                    "Austria to more than double tax on plane tickets",
                    "Austria will raise its flight ticket levy from €12 to €30 per passenger from"
                    " January, the finance ministry in Vienna said on Wednesday.",
                ),
                (
                    "Airlines attack Vienna's plan for €30 departure tax",
                    "Carriers operating from Vienna airport warned that the higher levy on"
                    " departing passengers would push travellers to Bratislava and Munich.",
                ),
                (
                    "Austrian finance minister defends higher air passenger duty",
                    "The finance minister said the tax rise, expected to bring in about €180"
                    " million a year, would fund rail investment and cut emissions from aviation.",
                ),
            ],
            [
                (
                    "Greece cuts income tax for families with children",
                    "Greek taxpayers with two or more children will pay two percentage points"
                    " less income tax from next year under a package announced by the government"
                    " in Athens.",
                ),
                (
                    "Athens unveils €1.2bn tax relief package aimed at young families",
                    "The Greek prime minister said the measures, funded by stronger-than-expected"
                    " tax revenue, were meant to tackle one of the lowest birth rates in Europe.",
                ),
                (
                    "Greek PM: tax cuts for parents are a response to demographic crisis",
                    "Speaking at the Thessaloniki fair, the prime minister said families with"
                    " four children would pay no income tax on earnings of up to €20,000.",
                ),
            ],
        ],
    ),
    (
        "grain",
        [
            [
                (
                    "Indonesia's Bulog buys 500,000 tonnes of rice from Vietnam and Thailand",
                    "Indonesia's state logistics agency Bulog has agreed to import 500,000 tonnes"
                    " of rice from Vietnam and Thailand to rebuild stocks ahead of the dry"
                    " season, officials in Jakarta said.",
                ),
                (
                    "Jakarta turns to imports as rice prices climb",
                    "Indonesia will bring in half a million tonnes of rice over the next three"
                    " months after retail prices rose to a record, the trade ministry said.",
                ),
                (
                    "Vietnamese exporters win bulk of Indonesian rice tender",
                    "Traders in Ho Chi Minh City said Vietnamese suppliers had secured about"
                    " 300,000 tonnes of the Indonesian purchase, with the rest going to Thai"
                    " mills.",
                ),
            ],
            [
                (
                    "Bangladesh to import 700,000 tonnes of wheat from Russia",
                    "Bangladesh's food ministry has signed a government-to-government deal to buy"
                    " 700,000 tonnes of Russian wheat, to be delivered by the end of the year.",
                ),
                (
                    "Bangladesh seals wheat deal with Moscow to shore up food stocks",
                    "The country will receive the grain in monthly shipments of about 50,000"
                    " tonnes, Bangladesh's food secretary said after the agreement was signed.",
                ),
                (
                    "Russian wheat to arrive at Chattogram and Mongla ports",
                    "The first cargoes under Bangladesh's new wheat agreement with Russia are due"
                    " at Chattogram and Mongla next month, with 700 thousand tonnes to be"
                    " delivered in all.",
                ),
            ],
        ],
    ),
    (
        "public holidays",
        [
            [
                (
                    "Thailand extends Songkran holiday to five days",
                    "The Thai cabinet approved two extra public holidays around the Songkran"
                    " festival in April, giving workers five consecutive days off to boost"
                    " domestic tourism.",
                ),
                (
                    "Bangkok grants extra days off for water festival",
                    "Thailand's government has added public holidays either side of the"
                    " traditional new year festival, a move it hopes will encourage people to"
                    " travel to the provinces.",
                ),
                (
                    "Thai New Year break lengthened as government seeks tourism boost",
                    "Civil servants and state enterprise staff in Thailand will get five days off"
                    " over the Thai New Year in mid-April, a government spokesman said, and"
                    " private firms are being urged to follow.",
                ),
            ],
            [
                (
                    "Ireland to add new public holiday in May",
                    "The Irish government has agreed to create an additional public holiday on"
                    " the last Monday of May from next year, bringing the country's total to 11.",
                ),
                (
                    "Dublin approves extra bank holiday as workers get 11 days off",
                    "Employees in Ireland will gain a further day off each year after ministers"
                    " backed a proposal for a late-May bank holiday.",
                ),
                (
                    "Business groups warn new Irish holiday will cost €400m",
                    "Employers said the extra public holiday would cost Irish businesses around"
                    " €400 million a year, while trade unions welcomed the decision.",
                ),
            ],
        ],
    ),
    (
        "roadworks",
        [
            [
                (
                    "Montreal's Jacques Cartier Bridge to close for three weekends of repairs",
                    "The Jacques Cartier Bridge linking Montreal with Longueuil will be fully"
                    " closed to traffic on three weekends this month so crews can replace"
                    " expansion joints, the federal bridge operator said.",
                ),
                (
                    "Commuters told to avoid South Shore crossing as repair closures begin",
                    "Drivers travelling between Longueuil and downtown Montreal were urged to use"
                    " the Champlain Bridge or public transport during the weekend shutdowns.",
                ),
                (
                    "Quebec drivers brace for weekend gridlock as bridge shuts",
                    "Traffic officials expect long delays on the Champlain and Victoria crossings"
                    " while the nearly century-old Jacques Cartier span is closed from Friday"
                    " night to Monday morning.",
                ),
            ],
            [
                (
                    "M5 to close overnight for a month for Avonmouth Bridge repairs",
                    "National Highways said the M5 would be shut in both directions between"
                    " junctions 18 and 19 near Bristol on weeknights for four weeks while the"
                    " Avonmouth Bridge is resurfaced.",
                ),
                (
                    "Avonmouth Bridge works mean a month of night closures",
                    "Lorry drivers and commuters face diversions through north Bristol after"
                    " highways officials confirmed overnight closures of the motorway viaduct"
                    " over the River Avon.",
                ),
                (
                    "Bristol motorway bridge to get new surface and safety barriers",
                    "The £18m project on the M5 crossing will replace the road surface and"
                    " barriers on the 1970s viaduct, with the motorway closed from 8pm to 6am.",
                ),
            ],
        ],
    ),
    (
        "search and rescue",
        [
            [
                (
                    "Two hikers found alive after night lost in Cairngorms blizzard",
                    "Two walkers missing overnight in the Cairngorms were found cold but alive on"
                    " Sunday morning after a search involving mountain rescue teams and a"
                    " coastguard helicopter.",
                ),
                (
                    "Mountain rescue teams locate missing walkers near Ben Macdui",
                    "Volunteers from the Cairngorm and Braemar mountain rescue teams found the"
                    " pair sheltering behind rocks about a mile from the summit of Ben Macdui.",
                ),
                (
                    "Police Scotland: missing pair 'extremely fortunate' to survive",
                    "Police Scotland said the two men, both in their 30s, had become disoriented"
                    " in whiteout conditions on Saturday afternoon and called for help before"
                    " their phone battery died.",
                ),
            ],
            [
                (
                    "Search under way for missing yachtsman off Tasmania",
                    "A sea and air search has been launched for a solo sailor whose yacht was"
                    " found drifting and empty off Tasmania's east coast near Bicheno.",
                ),
                (
                    "Empty yacht found drifting near Bicheno sparks major search",
                    "Tasmania Police said a fishing crew spotted the 10-metre yacht with its"
                    " sails still up on Tuesday morning and raised the alarm.",
                ),
                (
                    "Family of missing sailor pleads for search to continue",
                    "Relatives of the 61-year-old Hobart man missing at sea said he was an"
                    " experienced sailor and urged authorities not to scale back the search.",
                ),
            ],
        ],
    ),
    (
        "protests",
        [
            [
                (
                    "Thousands march in Kraków against plan to fell trees in city park",
                    "Several thousand people marched through the centre of Kraków on Saturday to"
                    " oppose a city plan to cut down around 400 trees in Lotników Park to make"
                    " way for a tram depot.",
                ),
                (
                    "Polish protesters form human chain around threatened park",
                    "Residents in the southern Polish city linked arms around the park's old oak"
                    " trees, chanting 'Trees, not concrete' as police looked on.",
                ),
                (
                    "Kraków mayor says tram depot plan will be reviewed after protest",
                    "The mayor said the city would consider other sites for the new depot after"
                    " one of the biggest demonstrations in the former royal capital in years.",
                ),
            ],
            [
                (
                    "Thousands rally in Cagliari against Sardinia wind farm plans",
                    "Thousands of people marched through Cagliari on Sunday demanding a halt to"
                    " plans for more than 40 wind and solar projects on the Italian island.",
                ),
                (
                    "Sardinians take to the streets to say 'hands off our land'",
                    "Protesters carrying the island's flag filled the regional capital, accusing"
                    " Rome of forcing renewable energy projects on Sardinia without consulting"
                    " local people.",
                ),
                (
                    "Sardinia's regional president promises moratorium after mass protest",
                    "The head of Sardinia's regional government told demonstrators gathered"
                    " outside her offices that she would propose a two-year freeze on new wind"
                    " farm approvals.",
                ),
            ],
        ],
    ),
    (
        "animal disease",
        [
            [
                (
                    "Bird flu found at Dutch poultry farm, 120,000 chickens to be culled",
                    "Dutch authorities ordered the culling of about 120,000 laying hens after a"
                    " highly pathogenic strain of avian influenza was confirmed at a farm in"
                    " Barneveld, in the province of Gelderland.",
                ),
                (
                    "Netherlands imposes transport ban around Barneveld after avian flu outbreak",
                    "The agriculture ministry banned the movement of poultry, eggs and manure"
                    " within 10km of the infected farm.",
                ),
                (
                    "Gelderland egg farm hit by highly pathogenic bird flu",
                    "Officials said the H5N1 virus had been detected after an unusual number of"
                    " hens died at the farm, the first outbreak in the Dutch poultry heartland"
                    " this winter.",
                ),
            ],
            [
                (
                    "Foot-and-mouth disease confirmed at South Korean cattle farm",
                    "South Korea confirmed an outbreak of foot-and-mouth disease at a beef cattle"
                    " farm in Yeongam county, South Jeolla province, and ordered all 180 animals"
                    " on the farm to be destroyed.",
                ),
                (
                    "Seoul orders 48-hour nationwide livestock standstill",
                    "The agriculture ministry banned the movement of cattle, pigs and livestock"
                    " workers across the country for two days after the disease was found in the"
                    " south-west.",
                ),
                (
                    "Vaccination drive in South Jeolla after foot-and-mouth case",
                    "Veterinary teams began emergency vaccinations of cattle and pigs across"
                    " South Jeolla province on Friday, a day after the first case of the disease"
                    " in more than a year.",
                ),
            ],
        ],
    ),
    (
        "pilgrimage",
        [
            [
                (
                    "Record 520,000 pilgrims complete the Camino de Santiago",
                    "The Pilgrim's Office in Santiago de Compostela said a record 520,000 people"
                    " had collected a certificate for walking or cycling the Camino this year, up"
                    " 4% on last year.",
                ),
                (
                    "Camino numbers hit all-time high as Americans flock to Spain's pilgrim trail",
                    "US walkers were the largest group of foreign pilgrims arriving in the"
                    " Galician city, according to figures released by the cathedral's pilgrim"
                    " office.",
                ),
                (
                    "More than half a million walkers reach Santiago cathedral",
                    "Pilgrim numbers in Galicia have risen every year since the pandemic, with"
                    " the French Way still the most popular route to the shrine of St James.",
                ),
            ],
            [
                (
                    "Amarnath Yatra begins with 15,000 pilgrims on first day",
                    "The annual pilgrimage to the Amarnath cave shrine in the Himalayas began on"
                    " Wednesday, with about 15,000 Hindu devotees setting off from base camps at"
                    " Baltal and Pahalgam.",
                ),
                (
                    "Tight security as Hindu pilgrimage to Kashmir cave shrine gets under way",
                    "Tens of thousands of security personnel have been deployed along the routes"
                    " in Indian-administered Kashmir for the 38-day pilgrimage.",
                ),
                (
                    "First pilgrims set off for Himalayan shrine as yatra opens",
                    "Devotees chanting religious slogans began the trek to the Amarnath cave from"
                    " Baltal and Pahalgam at dawn, after the Jammu and Kashmir lieutenant"
                    " governor opened the pilgrimage.",
                ),
            ],
        ],
    ),
    (
        "military exercises",
        [
            [
                (
                    "20,000 troops join Nato's Nordic Shield exercise in Arctic Norway",
                    "About 20,000 soldiers, sailors and air crew from 13 Nato countries began a"
                    " two-week exercise in the Arctic around Narvik and Bardufoss on Monday.",
                ),
                (
                    "Allied forces train for winter war in Norway's far north",
                    "Troops from the United States, Britain, Finland and Sweden are practising"
                    " amphibious landings and ski patrols in sub-zero temperatures in northern"
                    " Norway as part of Nordic Shield.",
                ),
                (
                    "Norwegian defence chief: Arctic drills send signal of alliance unity",
                    "Norway's chief of defence said the exercise, one of the largest in the"
                    " region since the cold war, showed allies could reinforce the north quickly.",
                ),
            ],
            [
                (
                    "Australian and Indian navies hold joint drills off Darwin",
                    "Warships and maritime patrol aircraft from Australia and India began a week"
                    " of exercises in the Timor Sea off Darwin on Tuesday, practising"
                    " anti-submarine warfare.",
                ),
                (
                    "Canberra and New Delhi step up defence ties with Top End exercise",
                    "Two Indian frigates joined Australian vessels for the drills near the"
                    " Northern Territory capital, the largest bilateral naval exercise between"
                    " the countries so far.",
                ),
                (
                    "Indian frigates arrive in Darwin for week of naval exercises",
                    "Hundreds of Indian sailors came ashore in Darwin ahead of the exercise,"
                    " which the Australian defence minister said reflected a shared interest in a"
                    " stable Indo-Pacific.",
                ),
            ],
        ],
    ),
    (
        "census",
        [
            [
                (
                    "Malaysia's population reaches 35.1 million, census shows",
                    "Malaysia's population grew to 35.1 million, according to preliminary results"
                    " of the national census released by the Department of Statistics in"
                    " Putrajaya on Thursday.",
                ),
                (
                    "Census: Malaysia ageing faster as birth rate hits record low",
                    "Malaysians aged 65 and over now make up almost 9 percent of the population,"
                    " up from 6.7 percent a decade ago, the chief statistician said.",
                ),
                (
                    "Selangor remains Malaysia's most populous state in new count",
                    "The latest census found that Selangor is home to 7.4 million people,"
                    " followed by Johor and Sabah, while the country's total rose to just over 35"
                    " million.",
                ),
            ],
            [
                (
                    "Philippine census puts population at 116.4 million",
                    "The Philippine Statistics Authority said the population stood at 116.4"
                    " million according to the latest census, an increase of more than 7 million"
                    " from five years earlier.",
                ),
                (
                    "Population growth slows in the Philippines as families get smaller",
                    "Annual population growth in the Philippines fell to 1.2 percent, the slowest"
                    " rate on record, data from the national census showed.",
                ),
                (
                    "Calabarzon remains most populous region as Philippines tops 116 million",
                    "The region south of Manila has 17.8 million residents, more than the capital"
                    " region itself, the statistics authority said as it released the census"
                    " results.",
                ),
            ],
        ],
    ),
    (
        "chess",
        [
            [
                (
                    "Peruvian 13-year-old becomes grandmaster",
                    "Mateo Quispe, from Arequipa, secured his final grandmaster norm at an open"
                    " tournament in Lima, becoming Peru's youngest ever grandmaster at 13 years"
                    " and four months.",
                ),
                (
                    "Lima tournament makes schoolboy Peru's youngest grandmaster",
                    "The teenager clinched the title with a round to spare by beating a Cuban"
                    " grandmaster, sparking celebrations among chess fans in the Peruvian"
                    " capital.",
                ),
                (
                    "FIDE confirms grandmaster title for Arequipa schoolboy",
                    "Chess's world governing body confirmed that Quispe had met all the"
                    " requirements for the title, the highest in the game, after his performance"
                    " in Lima.",
                ),
            ],
            [
                (
                    "Uzbekistan's Rustamov wins Tata Steel Masters",
                    "Jakhongir Rustamov, 22, won the Tata Steel Masters in Wijk aan Zee on Sunday"
                    " with 9 points from 13 games, the first Uzbek player to take the title.",
                ),
                (
                    "Uzbek grandmaster takes 'Wimbledon of chess' title in the Netherlands",
                    "A draw in the final round was enough for the 22-year-old from Tashkent to"
                    " finish half a point clear of the field at the seaside tournament.",
                ),
                (
                    "Rustamov holds on for victory at Wijk aan Zee",
                    "The Uzbek, seeded ninth, led from round six and held off a late challenge"
                    " from India's world number three to claim the first major title of his"
                    " career.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
