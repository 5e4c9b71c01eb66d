"""A seventh set of events for the story evaluation, written after the grouping was fixed.

Written for Newsreader by a writer who had not read how the grouping works, and never
used to tune anything, so that it stays a clean test of it.  It has fourteen topics in
each language that none of the six earlier sets (``stories_events.py``,
``stories_events_fresh.py``, ``stories_events_unseen.py``, ``stories_events_fourth.py``,
``stories_events_fifth.py`` and ``stories_events_sixth.py``) has.  Each topic holds two
invented events of the same kind (the hard negatives: same topic, a different event,
in some topics in the same country or city, in others far apart), and each event is told
three times as three outlets would tell it, in their own words (the hard positives: one
names the city, another the country, the capital or a nickname; an official's title in
place of a name; a number written another way).  Run this module to write the labelled
pairs::

    python benchmarks/stories_events_seventh.py > benchmarks/stories_eval_seventh.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "رؤية الهلال",
        [
            [
                (
                    "المحكمة العليا السعودية: الثلاثاء أول أيام عيد الفطر",
                    "أعلنت المحكمة العليا في المملكة العربية السعودية ثبوت رؤية هلال شهر شوال"
                    " مساء الاثنين، وأن يوم الثلاثاء هو أول أيام عيد الفطر المبارك.",
                ),
                (
                    "ثبوت رؤية هلال شوال من مرصد تمير وإعلان العيد في المملكة",
                    "رصد فريق مرصد تمير شمال الرياض الهلال بعد دقائق من غروب الشمس، لينهي"
                    " المسلمون في السعودية صيام رمضان بعد تسعة وعشرين يوما.",
                ),
                (
                    "خادم الحرمين يهنئ المسلمين بحلول عيد الفطر",
                    "وجه العاهل السعودي كلمة للمواطنين والمقيمين بعد إعلان ثبوت رؤية الهلال، فيما"
                    " اكتملت الاستعدادات لإقامة صلاة العيد في الحرمين الشريفين صباح الثلاثاء.",
                ),
            ],
            [
                (
                    "المغرب: عيد الفطر يوم الأربعاء بعد تعذر رؤية الهلال",
                    "أعلنت وزارة الأوقاف والشؤون الإسلامية المغربية أن هلال شهر شوال لم تثبت"
                    " رؤيته مساء الاثنين، وأن يوم الأربعاء سيكون أول أيام عيد الفطر.",
                ),
                (
                    "الرباط: رمضان يكتمل ثلاثين يوما والعيد الأربعاء",
                    "قالت وزارة الأوقاف في بلاغ إن لجان المراقبة المنتشرة في مختلف أنحاء المملكة"
                    " لم تر الهلال، ليستكمل المغاربة صيام ثلاثين يوما.",
                ),
                (
                    "المغاربة يحتفلون بالعيد متأخرين يوما عن دول الخليج",
                    "يحتفل المسلمون في المغرب بعيد الفطر يوم الأربعاء، بعد يوم من احتفال السعودية"
                    " ودول خليجية به، وفق ما أعلنته الوزارة المكلفة بالشؤون الدينية.",
                ),
            ],
        ],
    ),
    (
        "زراعة الأعضاء",
        [
            [
                (
                    "أول عملية زراعة كبد من متبرع متوفى دماغيا في الأردن",
                    "أجرى فريق طبي في مدينة الحسين الطبية بعمّان أول عملية لزراعة كبد من متبرع"
                    " متوفى دماغيا في الأردن، لمريض يبلغ من العمر 47 عاما.",
                ),
                (
                    "نجاح جراحة نادرة في عمّان استمرت 14 ساعة",
                    "شارك في الجراحة عشرون طبيبا وممرضا، وقال الفريق إن حالة المريض مستقرة وإن"
                    " الكبد المزروع بدأ يؤدي وظائفه بشكل طبيعي.",
                ),
                (
                    "عائلة شاب متوفى تمنح مريضا أردنيا فرصة ثانية للحياة",
                    "وافقت عائلة شاب توفي إثر حادث سير على التبرع بأعضائه، ما أتاح إجراء أول"
                    " زراعة كبد من متوفى في المملكة، بحسب مدير الخدمات الطبية الملكية.",
                ),
            ],
            [
                (
                    "زراعة كبد لطفلة من والدتها في وهران لأول مرة بالجزائر",
                    "نجح فريق من المستشفى الجامعي بوهران في زراعة جزء من كبد أم لابنتها البالغة"
                    " ست سنوات، في أول عملية من نوعها للأطفال في الجزائر.",
                ),
                (
                    "أم جزائرية تتبرع بجزء من كبدها لإنقاذ ابنتها",
                    "خضعت الأم وابنتها لجراحتين متزامنتين في عاصمة الغرب الجزائري استغرقتا اثنتي"
                    " عشرة ساعة، بمشاركة أطباء قدموا من فرنسا.",
                ),
                (
                    "وزير الصحة يزور الطفلة التي خضعت لزراعة كبد في وهران",
                    "قال وزير الصحة الجزائري خلال زيارته المستشفى إن نجاح العملية سيجنب عشرات"
                    " الأطفال التنقل إلى الخارج للعلاج كل عام.",
                ),
            ],
        ],
    ),
    (
        "جوائز أدبية",
        [
            [
                (
                    "رواية «مواسم الطين» للسوداني حامد النور تفوز بالبوكر العربية",
                    "فازت رواية «مواسم الطين» للكاتب السوداني حامد النور بالجائزة العالمية"
                    " للرواية العربية، في حفل أقيم مساء الأحد في أبوظبي.",
                ),
                (
                    "كاتب سوداني يحصد الجائزة العالمية للرواية العربية",
                    "تبلغ قيمة الجائزة خمسين ألف دولار، وتتناول الرواية الفائزة حياة عائلة من"
                    " المزارعين على ضفاف النيل الأزرق على مدى ثلاثة أجيال.",
                ),
                (
                    "حامد النور: فوز «مواسم الطين» انتصار لأدب السودان",
                    "قال الروائي بعد تسلمه الجائزة في العاصمة الإماراتية إنه كتب روايته خلال"
                    " سنوات الحرب، وإنه يهديها إلى قرى الجزيرة التي نشأ فيها.",
                ),
            ],
            [
                (
                    "الشاعرة المغربية سلمى بنعيسى تفوز بجائزة الشيخ زايد للكتاب",
                    "أعلنت جائزة الشيخ زايد للكتاب فوز الشاعرة المغربية سلمى بنعيسى بفرع الآداب"
                    " عن ديوانها «ملح الأطلسي»، خلال مؤتمر صحفي في أبوظبي.",
                ),
                (
                    "ديوان «ملح الأطلسي» يمنح المغرب جائزة عربية كبرى",
                    "تحصل الشاعرة المنحدرة من الصويرة على 750 ألف درهم إماراتي وميدالية ذهبية،"
                    " وتعد أصغر فائزة في تاريخ فرع الآداب.",
                ),
                (
                    "بنعيسى: التتويج اعتراف بقصيدة النثر المغربية",
                    "عبرت الشاعرة عن سعادتها بالجائزة، موضحة أن ديوانها كتب على مدى سبع سنوات بين"
                    " مدينتها الساحلية والرباط.",
                ),
            ],
        ],
    ),
    (
        "كرة اليد",
        [
            [
                (
                    "تونس تتوج بلقب أمم أفريقيا لكرة اليد على حساب مصر",
                    "توج منتخب تونس لكرة اليد بلقب كأس الأمم الأفريقية بعد فوزه على نظيره المصري"
                    " 27-25 في المباراة النهائية التي احتضنتها القاعة متعددة الاختصاصات برادس.",
                ),
                (
                    "نسور قرطاج يستعيدون العرش الأفريقي أمام الفراعنة",
                    "حسم المنتخب التونسي النهائي في الدقائق الأخيرة بفارق هدفين، ليحرز اللقب"
                    " القاري أمام جماهيره في الضاحية الجنوبية للعاصمة.",
                ),
                (
                    "حارس تونس أفضل لاعب في البطولة الأفريقية لكرة اليد",
                    "اختير حارس مرمى المنتخب التونسي أفضل لاعب في البطولة بعد تصدياته الحاسمة في"
                    " النهائي أمام مصر، الذي انتهى بنتيجة ٢٧-٢٥.",
                ),
            ],
            [
                (
                    "الزمالك بطلا لكأس الكؤوس الأفريقية لكرة اليد",
                    "أحرز فريق الزمالك المصري لقب كأس الكؤوس الأفريقية لكرة اليد بعد تغلبه على"
                    " الترجي التونسي 31-29 في النهائي الذي أقيم بمدينة أغادير المغربية.",
                ),
                (
                    "القلعة البيضاء تهزم الترجي وتحصد اللقب القاري في المغرب",
                    "تقدم الفريق المصري طوال الشوط الثاني وحافظ على تفوقه حتى صافرة النهاية،"
                    " ليضيف لقبا أفريقيا جديدا إلى خزائنه.",
                ),
                (
                    "مدرب الترجي: خسرنا النهائي أمام الزمالك بسبب الإرهاق",
                    "أرجع مدرب الفريق التونسي الخسارة بفارق هدفين إلى ضغط المباريات، مشيدا بتنظيم"
                    " البطولة في عاصمة سوس.",
                ),
            ],
        ],
    ),
    (
        "سباقات السيارات",
        [
            [
                (
                    "السعودي فهد الراشد يتوج بلقب رالي حائل الدولي",
                    "توج السائق السعودي فهد الراشد بلقب رالي حائل الدولي بعد أن أنهى مراحله"
                    " الأربع متقدما بفارق 3 دقائق و12 ثانية على أقرب منافسيه.",
                ),
                (
                    "الراشد يروض كثبان النفود ويحرز رالي حائل",
                    "سيطر السائق السعودي على المرحلة الأخيرة في صحراء النفود شمال المملكة، محققا"
                    " لقبه الأول في الرالي الذي شارك فيه أكثر من ستين متسابقا.",
                ),
                (
                    "أمير منطقة حائل يتوج أبطال الرالي الدولي",
                    "سلم أمير المنطقة كأس الرالي للفائز بالمركز الأول، فيما حل سائق قطري ثانيا"
                    " وآخر بولندي ثالثا في ترتيب فئة السيارات.",
                ),
            ],
            [
                (
                    "الإماراتي خالد المزروعي يحرز لقب رالي الأردن الدولي",
                    "فاز السائق الإماراتي خالد المزروعي بلقب رالي الأردن الدولي الذي أقيمت مراحله"
                    " على الطرق الجبلية المحيطة بالبحر الميت، متقدما بفارق دقيقة و40 ثانية.",
                ),
                (
                    "سائق إماراتي يتفوق على الطرق الوعرة قرب البحر الميت",
                    "تصدر المزروعي الترتيب العام منذ اليوم الثاني، وصمد أمام ضغط سائقين من"
                    " السعودية والكويت في المراحل الأخيرة.",
                ),
                (
                    "ولي العهد الأردني يسلم كأس الرالي للفائز الإماراتي",
                    "حضر ولي العهد حفل الختام في عمّان وسلم الكأس للسائق الإماراتي، فيما حل أفضل"
                    " سائق أردني في المركز الخامس.",
                ),
            ],
        ],
    ),
    (
        "استحواذ",
        [
            [
                (
                    "«الواحة القابضة» الإماراتية تستحوذ على 60% من «نايل فارما» المصرية",
                    "أعلنت مجموعة الواحة القابضة ومقرها أبوظبي الاستحواذ على حصة 60 في المئة في"
                    " شركة نايل فارما المصرية للأدوية مقابل 420 مليون دولار.",
                ),
                (
                    "صفقة بأكثر من 400 مليون دولار تنقل شركة أدوية مصرية إلى أبوظبي",
                    "تعد الصفقة من أكبر عمليات الاستحواذ في قطاع الدواء المصري هذا العام، وتشمل"
                    " ثلاثة مصانع في مدينة السادس من أكتوبر.",
                ),
                (
                    "الرقابة المالية في مصر توافق على صفقة «نايل فارما»",
                    "وافقت الهيئة العامة للرقابة المالية على عرض الشراء المقدم من المجموعة"
                    " الإماراتية، على أن يحتفظ مؤسسو الشركة بمقاعدهم في مجلس الإدارة.",
                ),
            ],
            [
                (
                    "«السنبلة» السعودية تشتري «دلتا فودز» المصرية مقابل 9.5 مليار جنيه",
                    "وقعت مجموعة السنبلة السعودية اتفاقا للاستحواذ على كامل أسهم شركة دلتا فودز"
                    " المصرية للصناعات الغذائية، في صفقة قيمتها 9.5 مليار جنيه.",
                ),
                (
                    "مستثمر خليجي يضم منتج الأجبان المصري إلى محفظته",
                    "تمتلك الشركة المصرية مصنعين في محافظة المنوفية وتصدر منتجاتها إلى 15 دولة،"
                    " وستحتفظ بعلامتها التجارية بعد انتقال ملكيتها إلى الرياض.",
                ),
                (
                    "سهم «دلتا فودز» يقفز في البورصة المصرية بعد عرض الشراء السعودي",
                    "ارتفع سهم الشركة بنسبة 18 في المئة في تعاملات القاهرة عقب الإعلان عن الصفقة"
                    " البالغة تسعة مليارات ونصف المليار جنيه.",
                ),
            ],
        ],
    ),
    (
        "قروض دولية",
        [
            [
                (
                    "صندوق النقد الدولي يقر قرضا لباكستان بقيمة 3 مليارات دولار",
                    "وافق المجلس التنفيذي لصندوق النقد الدولي على برنامج تمويل لباكستان بقيمة"
                    " ثلاثة مليارات دولار على مدى 36 شهرا، مع صرف شريحة أولى بقيمة 700 مليون"
                    " دولار.",
                ),
                (
                    "إسلام آباد تتنفس الصعداء بعد موافقة الصندوق على التمويل",
                    "رحبت الحكومة الباكستانية بقرار الصندوق الذي جاء بعد أشهر من المفاوضات،"
                    " ويتوقع أن يخفف الضغط على احتياطي البلاد من العملات الأجنبية.",
                ),
                (
                    "وزير المالية الباكستاني: الشريحة الأولى من القرض تصل خلال أيام",
                    "قال وزير المالية إن 700 مليون دولار ستودع في حساب البنك المركزي هذا الأسبوع،"
                    " متعهدا بالمضي في إصلاح قطاع الكهرباء وتوسيع القاعدة الضريبية.",
                ),
            ],
            [
                (
                    "اتفاق بين صندوق النقد والسنغال على قرض بقيمة 1.8 مليار دولار",
                    "توصل فريق من صندوق النقد الدولي إلى اتفاق على مستوى الخبراء مع حكومة السنغال"
                    " بشأن برنامج قروض بقيمة 1.8 مليار دولار، بانتظار موافقة المجلس التنفيذي.",
                ),
                (
                    "داكار تقترب من تمويل جديد بعد مفاوضات شاقة مع الصندوق",
                    "قالت بعثة الصندوق في ختام زيارتها للعاصمة السنغالية إن البرنامج يهدف إلى خفض"
                    " الدين العام وتعزيز الشفافية في المالية العامة.",
                ),
                (
                    "رئيس الوزراء السنغالي: القرض لن يمس دعم الخبز والوقود",
                    "أكد رئيس الوزراء أمام البرلمان أن الاتفاق مع المؤسسة المالية الدولية لا"
                    " يتضمن رفع أسعار الخبز أو الوقود، وأن الشريحة الأولى ستصرف قبل نهاية العام.",
                ),
            ],
        ],
    ),
    (
        "الحد الأدنى للأجور",
        [
            [
                (
                    "المغرب يرفع الحد الأدنى للأجور بنسبة 10% على دفعتين",
                    "أعلنت الحكومة المغربية رفع الحد الأدنى للأجور في قطاعات الصناعة والتجارة"
                    " والخدمات بنسبة 10 في المئة، تطبق على دفعتين في يناير ويوليو.",
                ),
                (
                    "زيادة في «السميك» بعد اتفاق بين الحكومة والنقابات في الرباط",
                    "جاءت الزيادة ثمرة جولة حوار اجتماعي احتضنتها العاصمة المغربية، وسيرتفع الأجر"
                    " الشهري الأدنى إلى أكثر من 3400 درهم.",
                ),
                (
                    "أرباب العمل في المملكة يحذرون من كلفة رفع الأجر الأدنى",
                    "قال الاتحاد العام لمقاولات المغرب إن الزيادة البالغة عشرة بالمئة ستثقل كاهل"
                    " المقاولات الصغيرة، داعيا إلى تخفيف الأعباء المفروضة عليها.",
                ),
            ],
            [
                (
                    "مصر ترفع الحد الأدنى لأجور القطاع الخاص إلى 7500 جنيه",
                    "قرر المجلس القومي للأجور في مصر رفع الحد الأدنى لأجور العاملين في القطاع"
                    " الخاص إلى 7500 جنيه شهريا اعتبارا من مارس.",
                ),
                (
                    "زيادة جديدة في رواتب عمال الشركات الخاصة بمصر",
                    "يشمل القرار نحو 14 مليون عامل، ويأتي بعد أسابيع من زيادة مماثلة للعاملين في"
                    " الجهاز الإداري للدولة.",
                ),
                (
                    "وزير العمل: الأجر الأدنى الجديد ملزم لكل المنشآت",
                    "قال وزير العمل المصري إن الوزارة ستتابع التزام الشركات بالحد الأدنى البالغ"
                    " سبعة آلاف وخمسمئة جنيه، مع إمكان استثناء المنشآت المتعثرة مؤقتا.",
                ),
            ],
        ],
    ),
    (
        "فرار سجناء",
        [
            [
                (
                    "فرار 19 سجينا من سجن القبة في طرابلس شمال لبنان",
                    "تمكن 19 سجينا من الفرار فجر الأحد من سجن القبة في مدينة طرابلس بعد أن أحدثوا"
                    " فتحة في جدار إحدى الزنزانات، وفق مصادر أمنية لبنانية.",
                ),
                (
                    "عملية فرار جماعي من سجن في عاصمة الشمال واستنفار أمني",
                    "أقامت قوى الأمن الداخلي حواجز على مداخل المدينة الشمالية، وأعلنت توقيف ستة"
                    " من الفارين خلال ساعات.",
                ),
                (
                    "وزير الداخلية اللبناني يأمر بتحقيق في فرار سجناء القبة",
                    "طلب وزير الداخلية فتح تحقيق لتحديد المسؤوليات، مشيرا إلى أن اكتظاظ السجن"
                    " الذي يضم ثلاثة أضعاف طاقته سهل عملية الفرار.",
                ),
            ],
            [
                (
                    "فرار 4 سجناء خطرين من السجن المدني في نواكشوط",
                    "أعلنت السلطات الموريتانية فرار أربعة سجناء مدانين في قضايا قتل من السجن"
                    " المدني بنواكشوط ليلة الخميس بعد اعتدائهم على حارسين.",
                ),
                (
                    "موريتانيا تطلق عملية تمشيط واسعة بحثا عن سجناء فارين",
                    "نشرت وحدات الحرس الوطني دوريات على الطرق المؤدية إلى خارج العاصمة، ووزعت صور"
                    " الفارين على نقاط التفتيش الحدودية.",
                ),
                (
                    "إصابة حارسين خلال فرار سجناء في العاصمة الموريتانية",
                    "نقل الحارسان المصابان إلى المستشفى الوطني، فيما قالت وزارة العدل إن الفارين"
                    " الأربعة استولوا على سيارة قرب السجن.",
                ),
            ],
        ],
    ),
    (
        "مخدرات",
        [
            [
                (
                    "إحباط تهريب 4 ملايين حبة كبتاغون في ميناء جدة الإسلامي",
                    "أحبطت هيئة الزكاة والضريبة والجمارك السعودية تهريب أكثر من أربعة ملايين قرص"
                    " من الإمفيتامين المخدر كانت مخبأة في شحنة رمان وصلت إلى ميناء جدة الإسلامي.",
                ),
                (
                    "ملايين الأقراص المخدرة داخل شحنة فاكهة على ساحل البحر الأحمر",
                    "عثر مفتشو الجمارك على 4.1 مليون حبة مخبأة داخل ثمار رمان بلاستيكية دست وسط"
                    " شحنة حقيقية.",
                ),
                (
                    "مكافحة المخدرات توقف مستلمي شحنة الرمان في المملكة",
                    "أعلنت المديرية العامة لمكافحة المخدرات توقيف مقيمين اثنين في جدة كانا"
                    " ينتظران تسلم الشحنة المضبوطة في الميناء، وإحالتهما إلى النيابة العامة.",
                ),
            ],
            [
                (
                    "حجز 12 طنا من الشيرا في ميناء طنجة المتوسط",
                    "حجزت المديرية العامة للأمن الوطني بالمغرب أزيد من 12 طنا من مخدر الشيرا كانت"
                    " مخبأة في شاحنة لنقل الخضر متجهة إلى إسبانيا عبر ميناء طنجة المتوسط.",
                ),
                (
                    "إحباط تهريب أطنان من القنب الهندي نحو أوروبا من شمال المغرب",
                    "أوقفت الشرطة سائق الشاحنة وهو مغربي في الأربعينات، بعد أن كشف الماسح الضوئي"
                    " عن طرود مخبأة تحت صناديق الطماطم.",
                ),
                (
                    "تفكيك شبكة دولية للتهريب بعد ضبط شحنة الشيرا في عاصمة البوغاز",
                    "أسفرت الأبحاث التي أعقبت حجز اثني عشر طنا من المخدرات عن توقيف أربعة مشتبه"
                    " بهم آخرين، بينهم مسير شركة للنقل الدولي.",
                ),
            ],
        ],
    ),
    (
        "إعلام",
        [
            [
                (
                    "سلطة ضبط السمعي البصري توقف قناة «الأفق» الجزائرية 10 أيام",
                    "قررت سلطة ضبط السمعي البصري في الجزائر تعليق بث قناة الأفق الخاصة عشرة أيام،"
                    " بسبب بثها برنامجا اعتبرته مسيئا لرموز الثورة.",
                ),
                (
                    "تعليق بث قناة خاصة في الجزائر بعد برنامج مثير للجدل",
                    "أثار البرنامج الحواري الذي بث مساء الجمعة موجة انتقادات واسعة على مواقع"
                    " التواصل، قبل أن تتدخل الهيئة الرقابية بقرار التعليق.",
                ),
                (
                    "مدير قناة «الأفق»: نلتزم بقرار التوقيف ونعتذر للمشاهدين",
                    "قال مدير القناة إن الإدارة أوقفت مقدم البرنامج عن العمل، وإن القناة ستعود"
                    " إلى البث بعد انتهاء العقوبة التي فرضتها سلطة الضبط.",
                ),
            ],
            [
                (
                    "هيئة الإعلام والاتصالات العراقية تعلق عمل قناة «الرافدين نيوز» شهرا",
                    "علقت هيئة الإعلام والاتصالات في العراق عمل قناة الرافدين نيوز لمدة شهر،"
                    " متهمة إياها ببث محتوى يحرض على الكراهية خلال تغطيتها لأحداث في البصرة.",
                ),
                (
                    "بغداد توقف قناة فضائية ثلاثين يوما بتهمة التحريض",
                    "أغلقت قوة أمنية مكتب القناة في العاصمة العراقية تنفيذا لقرار الهيئة، فيما"
                    " وصف صحفيون الخطوة بأنها تضييق على حرية التعبير.",
                ),
                (
                    "نقابة الصحفيين العراقيين تطالب بمراجعة قرار إغلاق «الرافدين نيوز»",
                    "دعت النقابة الهيئة إلى الاكتفاء بتوجيه إنذار إلى القناة بدلا من تعليق عملها،"
                    " مؤكدة أن العقوبة ستضر بعشرات العاملين فيها.",
                ),
            ],
        ],
    ),
    (
        "موسوعة غينيس",
        [
            [
                (
                    "سلطنة عمان تدخل غينيس بأكبر طبق حلوى عمانية في العالم",
                    "سجلت موسوعة غينيس للأرقام القياسية أكبر طبق من الحلوى العمانية بوزن بلغ 2.4"
                    " طن، أعده 60 طباخا في مدينة نزوى خلال مهرجان شتوي.",
                ),
                (
                    "2400 كيلوغرام من الحلوى تمنح نزوى رقما عالميا",
                    "استغرق إعداد الطبق العملاق 18 ساعة متواصلة في ساحة قلعة نزوى، ووزعت كمياته"
                    " لاحقا على زوار المهرجان والأسر المحتاجة.",
                ),
                (
                    "محكم غينيس يعلن الرقم القياسي العماني أمام آلاف الزوار",
                    "أعلن محكم الموسوعة تحطيم الرقم السابق بعد التحقق من وزن الطبق الذي قارب طنين"
                    " ونصف الطن، وسلم الشهادة لوالي نزوى.",
                ),
            ],
            [
                (
                    "أربيل تدخل موسوعة غينيس بأكبر طبق دولمة في العالم",
                    "دخلت مدينة أربيل في إقليم كردستان العراق موسوعة غينيس بعد إعداد طبق دولمة"
                    " بلغ وزنه 1.6 طن، بمشاركة 120 متطوعا.",
                ),
                (
                    "1600 كيلوغرام من الدولمة تحطم رقما قياسيا في كردستان",
                    "طهي الطبق في قدر عملاق صنع خصيصا ونصب في ساحة القلعة، واستغرق لف أوراق العنب"
                    " ثلاثة أيام.",
                ),
                (
                    "العراق يسجل رقما عالميا جديدا في موسوعة الأرقام القياسية",
                    "سلم ممثل غينيس شهادة الرقم القياسي لمحافظ أربيل، وقال المنظمون إن الدولمة"
                    " وزعت مجانا على السكان وعلى نازحين في المخيمات القريبة.",
                ),
            ],
        ],
    ),
    (
        "مزادات",
        [
            [
                (
                    "بيع صقر حر بـ650 ألف ريال في مزاد نادي الصقور السعودي",
                    "سجل مزاد نادي الصقور السعودي في ملهم شمال الرياض أعلى سعر في نسخته الحالية،"
                    " بعد بيع صقر حر فرخ بمبلغ 650 ألف ريال.",
                ),
                (
                    "صقر بأكثر من نصف مليون ريال يشعل مزاد الصقارين",
                    "احتدمت المنافسة بين عدد من الصقارين على الطير القادم من منطقة الحدود"
                    " الشمالية، قبل أن يرسو المزاد على مشتر من الكويت.",
                ),
                (
                    "سعر قياسي لصقر في مزاد بالعاصمة السعودية",
                    "قال نادي الصقور إن مبلغ ستمئة وخمسين ألف ريال هو الأعلى لصقر حر في تاريخ"
                    " المزاد الذي يقام سنويا في ضواحي الرياض.",
                ),
            ],
            [
                (
                    "لوحة للعراقي جواد الصفار تباع بـ1.2 مليون جنيه إسترليني في لندن",
                    "بيعت لوحة «نساء على دجلة» للفنان العراقي الراحل جواد الصفار بمبلغ 1.2 مليون"
                    " جنيه إسترليني في مزاد لدار سوذبيز بلندن، أي ثلاثة أضعاف السعر المقدر.",
                ),
                (
                    "سعر قياسي لعمل فني عراقي في مزاد بالعاصمة البريطانية",
                    "تعود اللوحة إلى ستينيات القرن الماضي وظلت في حوزة عائلة بريطانية، واشتراها"
                    " جامع تحف من الخليج عبر الهاتف.",
                ),
                (
                    "عائلة الصفار: بيع «نساء على دجلة» إنصاف لفن بغداد الحديث",
                    "قال نجل الفنان الراحل إن بيع اللوحة بأكثر من مليون جنيه يعكس اهتماما متزايدا"
                    " بفناني جماعة بغداد، داعيا إلى إنشاء متحف يضم أعمال والده.",
                ),
            ],
        ],
    ),
    (
        "تنس",
        [
            [
                (
                    "التونسية مريم الشابي تتوج بلقب دورة الرباط للتنس",
                    "توجت لاعبة التنس التونسية مريم الشابي بلقب جائزة للا مريم الكبرى في الرباط"
                    " بعد فوزها في النهائي على الإسبانية لاورا بيدال 6-4 و7-5.",
                ),
                (
                    "لقب أول للشابي في رابطة المحترفات من العاصمة المغربية",
                    "حققت اللاعبة البالغة 21 عاما أول ألقابها في رابطة محترفات التنس، وستتقدم إلى"
                    " المركز الثامن والأربعين في التصنيف العالمي.",
                ),
                (
                    "الشابي: الجمهور المغربي ساندني حتى النقطة الأخيرة",
                    "شكرت اللاعبة التونسية جماهير النادي الملكي للتنس على مساندتها، مؤكدة أن"
                    " فوزها على بيدال بمجموعتين نظيفتين كان أصعب مما توحي به النتيجة.",
                ),
            ],
            [
                (
                    "المغربي ياسين العلوي يحرز لقب جائزة الحسن الثاني للتنس في مراكش",
                    "فاز المغربي ياسين العلوي بلقب جائزة الحسن الثاني الكبرى للتنس بعد تغلبه على"
                    " الأرجنتيني توماس ريبيرو 7-6 و6-3 في النهائي بمراكش.",
                ),
                (
                    "لاعب مغربي يتوج في المدينة الحمراء لأول مرة منذ ثلاثة عقود",
                    "أصبح العلوي أول مغربي يحرز اللقب منذ أكثر من 30 عاما، وسط احتفالات جماهير"
                    " ملأت مدرجات النادي الملكي للتنس.",
                ),
                (
                    "العلوي يقفز 40 مركزا في التصنيف العالمي بعد تتويجه",
                    "سيدخل اللاعب المغربي قائمة أفضل مئة لاعب في العالم للمرة الأولى بعد فوزه على"
                    " ريبيرو بمجموعتين في نهائي البطولة.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "organ transplants",
        [
            [
                (
                    "Cape Town surgeons perform Africa's first living-donor lung transplant",
                    "Surgeons at Groote Schuur Hospital in Cape Town have carried out what they"
                    " say is Africa's first lung transplant from living donors, with two brothers"
                    " each giving part of a lung to their sister.",
                ),
                (
                    "Brothers donate lung lobes to save sister in South African first",
                    "The 29-year-old woman, who has cystic fibrosis, was breathing on her own"
                    " three days after the eleven-hour operation, the hospital said.",
                ),
                (
                    "Western Cape health chief hails landmark transplant",
                    "The provincial health minister said the operation, which involved 30 staff"
                    " across three theatres, showed that complex transplants could be done in"
                    " South Africa's public hospitals.",
                ),
            ],
            [
                (
                    "Guadalajara surgeons carry out Mexico's first full face transplant",
                    "A team at a public hospital in Guadalajara has performed Mexico's first full"
                    " face transplant on a 34-year-old man disfigured in a gas explosion,"
                    " officials said on Tuesday.",
                ),
                (
                    "Mexican burns victim receives new face after 22-hour operation",
                    "More than 40 doctors and nurses took part in the surgery in the capital of"
                    " Jalisco state, using tissue from a donor who died in a road accident.",
                ),
                (
                    "Jalisco governor visits face transplant patient",
                    "The state's governor said the patient was recovering well and able to speak"
                    " a week after the twenty-two-hour procedure, the first of its kind in the"
                    " country.",
                ),
            ],
        ],
    ),
    (
        "literary prizes",
        [
            [
                (
                    "Nigerian writer Chidi Okafor wins Booker Prize for debut novel",
                    "Chidi Okafor has won the Booker Prize for 'The Salt Road', a debut novel"
                    " about a family of Lagos traders, at a ceremony in London on Tuesday night.",
                ),
                (
                    "'The Salt Road' takes £50,000 fiction prize",
                    "The judges chose the novel, which follows three generations of a family"
                    " moving between Lagos and Kano, unanimously from a shortlist of six books.",
                ),
                (
                    "First-time novelist says Booker win is 'still unreal'",
                    "Okafor, a former schoolteacher from Nigeria, said he wrote most of the book"
                    " on his phone during bus journeys and would use the fifty thousand pounds to"
                    " start a writing school.",
                ),
            ],
            [
                (
                    "Korean novel 'Winter Orchard' wins International Booker Prize",
                    "'Winter Orchard' by South Korean author Han Seo-yeon and her translator"
                    " Daniel Price has won the International Booker Prize, announced at Tate"
                    " Modern in London.",
                ),
                (
                    "Han Seo-yeon and translator share £50,000 award for translated fiction",
                    "The prize money is split equally between the Seoul-based writer and her"
                    " British translator, whose version was published in English last spring.",
                ),
                (
                    "Seoul celebrates as novelist takes top prize for translated fiction",
                    "South Korea's culture minister congratulated the author, whose novel about a"
                    " family orchard on Jeju island sold 300,000 copies at home before it was"
                    " translated.",
                ),
            ],
        ],
    ),
    (
        "tennis",
        [
            [
                (
                    "Czech teenager Holubová stuns world number one to win Madrid Open",
                    "Tereza Holubová, 18, beat the world number one 6-3, 4-6, 7-5 in the Madrid"
                    " Open final on Saturday to win the biggest title of her career.",
                ),
                (
                    "Holubová lifts first WTA 1000 trophy in Spanish capital",
                    "The Czech, ranked 41st in the world, saved two match points in the final set"
                    " before sealing victory on the clay of the Caja Mágica.",
                ),
                (
                    "Czech tennis celebrates new star after Madrid triumph",
                    "Holubová will rise into the world's top 20 on Monday after her three-set"
                    " win, becoming the youngest women's champion in the tournament's history.",
                ),
            ],
            [
                (
                    "Argentina's Bruno Ferrero wins Madrid Open men's title",
                    "Bruno Ferrero of Argentina won the Madrid Open on Sunday, beating Norway's"
                    " Henrik Dahl 7-6, 6-4 in the men's final.",
                ),
                (
                    "Ferrero ends title drought with victory in Spanish capital",
                    "The 27-year-old Argentine had not won a tournament for two years before his"
                    " straight-sets win over Dahl at the Caja Mágica.",
                ),
                (
                    "Dahl blames serve as Norwegian falls short in Madrid final",
                    "The world number six said he had served poorly in the opening tie-break,"
                    " which Ferrero took 7-4 before breaking early in the second set.",
                ),
            ],
        ],
    ),
    (
        "motor racing",
        [
            [
                (
                    "Kiwi Liam Barton claims first Bathurst 1000 victory",
                    "New Zealand's Liam Barton won the Bathurst 1000 on Sunday, holding off a"
                    " late charge from the reigning champion after the final restart at Mount"
                    " Panorama.",
                ),
                (
                    "Barton triumphs in the Great Race after safety car drama",
                    "A late safety car bunched the field with six laps left, but the New"
                    " Zealander kept his nerve to take the chequered flag by 0.8 seconds.",
                ),
                (
                    "Barton dedicates Mount Panorama win to late father",
                    "The 31-year-old said his father had taken him to the New South Wales circuit"
                    " as a boy, and that winning the 1,000-kilometre race had been a lifelong"
                    " dream.",
                ),
            ],
            [
                (
                    "Queensland's Josh Mercer wins Adelaide 500 in wet finale",
                    "Josh Mercer won the Adelaide 500 on Sunday after rain hit the street circuit"
                    " in the final 20 laps, with the championship leader finishing fourth.",
                ),
                (
                    "Mercer masters the rain on South Australian streets",
                    "The 24-year-old gambled on wet tyres before the downpour and gained eleven"
                    " places in four laps to take his first win of the season.",
                ),
                (
                    "Record crowd sees Mercer take maiden street race win",
                    "Organisers said a record 260,000 people attended over four days in the South"
                    " Australian capital, capped by Mercer's victory in the rain.",
                ),
            ],
        ],
    ),
    (
        "mergers",
        [
            [
                (
                    "Norway's Fjordbank and Sweden's Kustbanken agree to merge",
                    "Norwegian lender Fjordbank and Swedish rival Kustbanken have agreed an"
                    " all-share merger that would create the Nordic region's third-largest bank,"
                    " valued at about $9 billion.",
                ),
                (
                    "Oslo and Stockholm lenders to combine in $9bn deal",
                    "The combined bank would have 4.5 million customers, and the two companies"
                    " said they expected to cut about 1,200 jobs over three years.",
                ),
                (
                    "Fjordbank chief to lead merged Nordic lender",
                    "Fjordbank's chief executive will run the new bank, which will have its"
                    " headquarters in the Norwegian capital, while Kustbanken's chairman will"
                    " chair its board.",
                ),
            ],
            [
                (
                    "Japan's Hoshino Pharma to buy rival Taiyo Seiyaku for $6.4bn",
                    "Hoshino Pharmaceutical agreed on Monday to acquire Osaka-based rival Taiyo"
                    " Seiyaku for 950 billion yen, or about $6.4 billion, in the biggest Japanese"
                    " drug deal in five years.",
                ),
                (
                    "Tokyo drugmaker strikes deal to absorb Osaka competitor",
                    "The takeover, which needs approval from shareholders and regulators, would"
                    " give Hoshino a stronger range of cancer medicines and factories in Osaka"
                    " and Kyushu.",
                ),
                (
                    "Taiyo Seiyaku shares jump 20% on takeover offer",
                    "Shares in the target company surged by a fifth in Tokyo after Hoshino"
                    " offered a 31% premium, valuing the deal at nearly one trillion yen.",
                ),
            ],
        ],
    ),
    (
        "bailouts",
        [
            [
                (
                    "IMF board approves $1.4bn loan programme for Kenya",
                    "The International Monetary Fund's executive board has approved a 38-month"
                    " loan programme worth $1.4 billion for Kenya, releasing about $450 million"
                    " immediately.",
                ),
                (
                    "Nairobi secures IMF lifeline after months of talks",
                    "The Kenyan government welcomed the deal, which it said would help it meet"
                    " large debt repayments due next year and reassure investors.",
                ),
                (
                    "Kenya's treasury chief vows to protect school spending under IMF deal",
                    "The cabinet secretary for the National Treasury said the first disbursement"
                    " of roughly $450m would arrive within days, and that the programme would not"
                    " require new taxes on food.",
                ),
            ],
            [
                (
                    "Ecuador reaches staff-level agreement with IMF on $3bn loan",
                    "IMF staff and Ecuador's government have reached a staff-level agreement on a"
                    " four-year, $3 billion loan, subject to approval by the fund's board.",
                ),
                (
                    "Quito clinches preliminary IMF deal to shore up finances",
                    "The agreement, reached after a two-week IMF mission to the Ecuadorean"
                    " capital, commits the government to phasing out fuel subsidies gradually.",
                ),
                (
                    "Ecuador's president says IMF loan will not mean austerity",
                    "In a televised address, the president said the three-billion-dollar"
                    " programme would protect cash transfers to poor families, and that the first"
                    " payment could come within two months.",
                ),
            ],
        ],
    ),
    (
        "minimum wage",
        [
            [
                (
                    "South Korea raises minimum wage 4.1% to 10,800 won an hour",
                    "South Korea's Minimum Wage Commission voted early on Friday to raise the"
                    " hourly minimum wage by 4.1% to 10,800 won from January, after all-night"
                    " talks in Sejong.",
                ),
                (
                    "Unions walk out of Korean wage panel over 'meagre' rise",
                    "Labour representatives left the commission before the vote, saying an"
                    " increase of 425 won an hour did not keep pace with living costs.",
                ),
                (
                    "Korean small business owners warn of job cuts after wage decision",
                    "Groups representing convenience store and restaurant owners said the new"
                    " rate, just under 11,000 won, would force many of them to cut staff hours.",
                ),
            ],
            [
                (
                    "UK national living wage to rise to £13.10 an hour",
                    "The national living wage for workers aged 21 and over will rise by 6.5% to"
                    " £13.10 an hour from April, the Chancellor announced on Wednesday.",
                ),
                (
                    "Three million workers in line for pay rise as Treasury sets new wage floor",
                    "The increase, recommended by the Low Pay Commission, is worth about £1,500 a"
                    " year to a full-time worker, the government in London said.",
                ),
                (
                    "Hospitality bosses say living wage rise will hit pubs and cafés",
                    "Industry groups warned that the rise of eighty pence an hour, on top of"
                    " higher employer taxes, would force some venues in Britain to close.",
                ),
            ],
        ],
    ),
    (
        "prison escapes",
        [
            [
                (
                    "Sixteen inmates escape from Bomana prison near Port Moresby",
                    "Sixteen prisoners broke out of Bomana jail outside Port Moresby early on"
                    " Sunday after overpowering guards during a head count, Papua New Guinea"
                    " police said.",
                ),
                (
                    "Manhunt under way in PNG capital after mass jailbreak",
                    "Police set up roadblocks around Papua New Guinea's capital and said four of"
                    " the escapees had been recaptured by Sunday afternoon.",
                ),
                (
                    "PNG correctional services chief orders inquiry into breakout",
                    "The commissioner for correctional services said a guard had been injured,"
                    " and that staff shortages at the jail, which holds twice its capacity, were"
                    " being investigated.",
                ),
            ],
            [
                (
                    "More than 100 inmates escape after storm damages Nigerian prison",
                    "A total of 118 inmates escaped from a custodial centre in Maiduguri in"
                    " north-eastern Nigeria after heavy rain brought down part of its perimeter"
                    " wall, the prison service said.",
                ),
                (
                    "Borno jailbreak: 40 of 118 escapees recaptured",
                    "Security forces in Borno state have rearrested forty of the prisoners who"
                    " fled when the storm breached the prison wall overnight.",
                ),
                (
                    "Nigeria's prisons service urges public to report escaped inmates",
                    "A spokesman for the Nigerian Correctional Service published photographs of"
                    " the remaining fugitives, saying some were awaiting trial on terrorism"
                    " charges.",
                ),
            ],
        ],
    ),
    (
        "drug seizures",
        [
            [
                (
                    "Spanish police seize nine tonnes of cocaine hidden in bananas at Algeciras",
                    "Spanish police found nine tonnes of cocaine in a container of bananas from"
                    " Ecuador at the port of Algeciras, the largest haul of the drug in Spain"
                    " this year.",
                ),
                (
                    "Record cocaine haul found in fruit container in southern Spain",
                    "The drugs, worth an estimated €270 million, were hidden among boxes of fruit"
                    " bound for a company in Madrid, the interior ministry said.",
                ),
                (
                    "Five arrested after 9,000kg cocaine seizure at Andalusian port",
                    "Officers detained five people, including two managers of a fruit importer,"
                    " after the discovery at the port in Cádiz province, police said.",
                ),
            ],
            [
                (
                    "Australian police seize 1.2 tonnes of methamphetamine in Sydney",
                    "Australian Federal Police said on Thursday they had seized 1.2 tonnes of"
                    " methamphetamine hidden in a shipment of industrial pipes at Port Botany in"
                    " Sydney.",
                ),
                (
                    "Ice worth A$900m found in steel pipes at Port Botany",
                    "Border Force officers found the drug packed inside pipes sent from Southeast"
                    " Asia, and three men were charged in court on Friday.",
                ),
                (
                    "Three men charged over Australia's biggest meth bust this year",
                    "The men, arrested in south-west Sydney, face life in prison if convicted of"
                    " importing the 1,200 kilograms of the drug, police said.",
                ),
            ],
        ],
    ),
    (
        "broadcasting",
        [
            [
                (
                    "Ofcom revokes licence of London-based channel Meridian TV",
                    "The UK media regulator Ofcom has revoked the broadcasting licence of"
                    " Meridian TV, a London-based news channel, after finding it repeatedly aired"
                    " unchecked claims about a local election.",
                ),
                (
                    "Britain's broadcasting watchdog pulls Meridian TV off air",
                    "The channel, which is watched by about 200,000 people a week, must stop"
                    " broadcasting within seven days, the regulator said.",
                ),
                (
                    "Meridian TV owner vows legal challenge to Ofcom decision",
                    "The channel's owner said the watchdog's ruling was an attack on free speech"
                    " and that he would seek a judicial review in the High Court.",
                ),
            ],
            [
                (
                    "Indonesia's broadcasting commission suspends late-night talk show",
                    "Indonesia's broadcasting commission ordered private network Nusantara TV to"
                    " suspend its late-night talk show for two weeks after a guest made remarks"
                    " it said insulted religion.",
                ),
                (
                    "Jakarta regulator takes popular talk show off air for 14 days",
                    "The commission said the programme had breached broadcasting standards, and"
                    " warned the network that further violations could bring heavier sanctions.",
                ),
                (
                    "Nusantara TV apologises after show is suspended",
                    "The network said it accepted the regulator's two-week ban, had removed the"
                    " episode from its streaming service and would review how guests are chosen.",
                ),
            ],
        ],
    ),
    (
        "world records",
        [
            [
                (
                    "Filipino town cooks world's largest serving of adobo, Guinness confirms",
                    "A town in Batangas province in the Philippines has set a Guinness World"
                    " Record for the largest serving of adobo, cooking 1,750 kilograms of the"
                    " dish in a giant pan.",
                ),
                (
                    "1.75-tonne adobo feeds thousands at Batangas fiesta",
                    "About 200 volunteers spent 14 hours preparing the chicken and pork stew,"
                    " which was later shared among residents and visitors at the town fiesta.",
                ),
                (
                    "Philippines celebrates new world record for national dish",
                    "A Guinness adjudicator presented the certificate to the town's mayor after"
                    " confirming the adobo weighed more than one and three-quarter tonnes.",
                ),
            ],
            [
                (
                    "Accra chefs set world record for largest pot of jollof rice",
                    "Chefs in Ghana's capital Accra have cooked 2,100 kilograms of jollof rice in"
                    " a single pot, setting a new Guinness World Record, organisers said on"
                    " Saturday.",
                ),
                (
                    "Ghana claims jollof bragging rights with 2.1-tonne record",
                    "The dish, cooked over nine hours in a steel pot four metres wide, beat the"
                    " previous mark set in Nigeria, the organisers said.",
                ),
                (
                    "Guinness adjudicator confirms Ghanaian jollof record",
                    "The adjudicator told the crowd at Independence Square that the rice weighed"
                    " just over two tonnes, and portions were then handed out to schools and"
                    " orphanages.",
                ),
            ],
        ],
    ),
    (
        "auctions",
        [
            [
                (
                    "Song dynasty bowl sells for HK$240 million at Hong Kong auction",
                    "A thousand-year-old Chinese porcelain bowl from the Song dynasty sold for"
                    " HK$240 million, about $31 million, at a Sotheby's auction in Hong Kong on"
                    " Tuesday.",
                ),
                (
                    "Ancient Chinese bowl fetches $31m after 20-minute bidding war",
                    "Four bidders competed for the small celadon bowl, which had been estimated"
                    " at a third of its final price and came from a Japanese private collection.",
                ),
                (
                    "Mainland collector pays record sum for rare porcelain",
                    "The auction house said the buyer, a collector from mainland China bidding by"
                    " phone, had paid a record for Song ceramics at its sale in the territory.",
                ),
            ],
            [
                (
                    "1950s Patek Philippe watch sells for 12 million francs in Geneva",
                    "A Patek Philippe wristwatch made in 1953 sold for 12 million Swiss francs at"
                    " an auction in Geneva on Sunday, one of the highest prices ever paid for a"
                    " watch.",
                ),
                (
                    "Rare wristwatch fetches over $13m at Swiss auction",
                    "The steel watch, one of only four known examples, had belonged to an Italian"
                    " collector and was bought by an anonymous bidder on the phone.",
                ),
                (
                    "Geneva sale sets new high for vintage steel watch",
                    "The auctioneer said the price, twelve million francs including fees, was a"
                    " record for a steel Patek Philippe and capped a week of watch sales on the"
                    " lake.",
                ),
            ],
        ],
    ),
    (
        "film festivals",
        [
            [
                (
                    "Iranian drama 'The Salt Flats' wins Golden Bear in Berlin",
                    "'The Salt Flats', a drama by Iranian director Sara Rahimi about a family of"
                    " salt miners, won the Golden Bear for best film at the Berlin film festival"
                    " on Saturday.",
                ),
                (
                    "Berlinale top prize goes to Rahimi's film about desert miners",
                    "Rahimi, who was unable to travel to Germany, accepted the award by video"
                    " link and thanked her cast of non-professional actors.",
                ),
                (
                    "Iranian director wins top prize at German festival despite travel ban",
                    "The jury president said the film, shot in secret over two winters, had been"
                    " chosen unanimously from the 20 films in competition.",
                ),
            ],
            [
                (
                    "Senegalese film 'Night Tide' wins Golden Lion at Venice",
                    "'Night Tide', directed by Senegal's Ousmane Ndiaye, won the Golden Lion for"
                    " best film at the Venice Film Festival, the first African film to take the"
                    " top prize.",
                ),
                (
                    "Dakar director takes Venice top award with tale of fishermen",
                    "The film follows two brothers who set out from a fishing village near Dakar"
                    " in a wooden canoe, and was shot mostly at sea.",
                ),
                (
                    "Ndiaye: Golden Lion belongs to Africa's young filmmakers",
                    "Accepting the prize on the Lido, the 38-year-old Senegalese director said he"
                    " hoped the win would help young African filmmakers find funding.",
                ),
            ],
        ],
    ),
    (
        "religious appointments",
        [
            [
                (
                    "Pope appoints Bishop Ramon Dizon as new Archbishop of Manila",
                    "The Vatican announced on Saturday that the Pope had appointed Bishop Ramon"
                    " Dizon, 58, as Archbishop of Manila, succeeding a cardinal who retired at"
                    " 80.",
                ),
                (
                    "Filipino Catholics welcome new leader of capital's archdiocese",
                    "Dizon, who has led a diocese on the island of Mindanao for nine years, will"
                    " be installed at Manila Cathedral next month.",
                ),
                (
                    "Philippines' new archbishop vows to focus on the urban poor",
                    "Speaking after the Holy See announced his appointment, the Mindanao bishop"
                    " said the church in the Philippine capital must stand with families living"
                    " in its slums.",
                ),
            ],
            [
                (
                    "Pope names Kenyan bishop Peter Mwangi as Archbishop of Nairobi",
                    "The Vatican said on Tuesday that the Pope had named Bishop Peter Mwangi, 61,"
                    " as Archbishop of Nairobi, filling a post that had been vacant for eight"
                    " months.",
                ),
                (
                    "Kenya's capital gets new Catholic archbishop after long wait",
                    "Mwangi, currently bishop of Machakos, will lead about four million Catholics"
                    " in the Nairobi archdiocese, the Kenya Conference of Catholic Bishops said.",
                ),
                (
                    "New Nairobi archbishop calls for unity at first Mass",
                    "Preaching at the Holy Family Basilica days after the Holy See's"
                    " announcement, the 61-year-old urged Kenyans to reject violence and"
                    " corruption.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
