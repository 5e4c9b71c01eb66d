"""A sixth set of events for the story evaluation, written after the grouping was fixed.

Written for Newsreader by a writer who never read how the grouping works, and never used
to tune anything: one more clean test of it.  Fourteen topics in each language that none
of ``stories_events.py``, ``stories_events_fresh.py``, ``stories_events_unseen.py``,
``stories_events_fourth.py`` and ``stories_events_fifth.py`` has; each topic has two
invented events of the same kind (the hard negatives: same topic, another event,
sometimes in the same country or city), each told three ways as three outlets would tell
it, in their own words (the hard positives: one names the city, another the country, the
capital or a nickname; an official's title for a name; a number written another way).
Run this module to write the labelled pairs::

    python benchmarks/stories_events_sixth.py > benchmarks/stories_eval_sixth.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "عملات",
        [
            [
                (
                    "البنك المركزي العراقي يرفع قيمة الدينار إلى 1250 دينارا للدولار",
                    "قرر البنك المركزي العراقي تعديل سعر الصرف الرسمي للدينار ليصبح 1250 دينارا"
                    " للدولار الواحد بدلا من 1310، على أن يسري القرار اعتبارا من الأحد.",
                ),
                (
                    "الدولار يتراجع في بورصة الكفاح ببغداد بعد قرار المركزي",
                    "انخفض سعر الدولار في أسواق الصرافة بالعاصمة العراقية بعد ساعات من إعلان"
                    " السلطة النقدية خفض السعر الرسمي، وسط ترقب التجار لمدى ثبات الأسعار.",
                ),
                (
                    "محافظ المركزي: سعر الصرف الجديد يستهدف كبح التضخم",
                    "قال محافظ البنك المركزي العراقي إن تحديد سعر ١٢٥٠ دينارا للدولار يهدف إلى"
                    " خفض أسعار السلع المستوردة وتضييق الفجوة بين السعرين الرسمي والموازي.",
                ),
            ],
            [
                (
                    "مصرف ليبيا المركزي يخفض قيمة الدينار بنسبة 13%",
                    "أعلن مصرف ليبيا المركزي خفض القيمة الرسمية للدينار بنسبة 13 في المئة، ليصبح"
                    " سعر الدولار 5.55 دينار بدلا من 4.83، في خطوة قال إنها تهدف إلى مواجهة السوق"
                    " الموازية.",
                ),
                (
                    "الدولار يقفز في طرابلس بعد خفض السعر الرسمي للدينار",
                    "شهدت محال الصرافة في سوق المشير بطرابلس ارتباكا بعد قرار المصرف المركزي،"
                    " فيما ارتفعت أسعار عدد من السلع المستوردة خلال ساعات.",
                ),
                (
                    "محافظ المركزي الليبي: خفض الدينار إجراء مؤقت لحماية الاحتياطي",
                    "قال محافظ المصرف المركزي في مؤتمر صحفي إن سعر الصرف الجديد سيراجع بعد ستة"
                    " أشهر، مؤكدا أن احتياطي البلاد من النقد الأجنبي ما زال قويا.",
                ),
            ],
        ],
    ),
    (
        "سدود",
        [
            [
                (
                    "تدشين سد تيمزغيت بإقليم تاونات بسعة 320 مليون متر مكعب",
                    "دشن المغرب سد تيمزغيت على وادي ورغة بإقليم تاونات، بطاقة تخزينية تبلغ 320"
                    " مليون متر مكعب، لتأمين مياه الري والشرب في جهة فاس مكناس.",
                ),
                (
                    "سد جديد في شمال المملكة لري 12 ألف هكتار",
                    "سيمكن السد الذي دخل الخدمة في تاونات من سقي اثني عشر ألف هكتار من الأراضي"
                    " الفلاحية وحماية الدواوير المجاورة من الفيضانات.",
                ),
                (
                    "وزير التجهيز والماء: سد تيمزغيت يؤمن مياه الشرب للعاصمة العلمية",
                    "قال وزير التجهيز والماء المغربي خلال حفل التدشين إن السد سيزود فاس والمراكز"
                    " القروية المحيطة بها بالماء الصالح للشرب حتى أفق 2050.",
                ),
            ],
            [
                (
                    "افتتاح سد للحماية من الفيضانات على وادي الجزي في صحار",
                    "افتتحت وزارة الثروة الزراعية والسمكية وموارد المياه في سلطنة عمان سدا"
                    " للحماية من الفيضانات على وادي الجزي بولاية صحار، بتكلفة بلغت 18 مليون ريال"
                    " عماني.",
                ),
                (
                    "سد جديد يحمي أحياء صحار من السيول",
                    "يستطيع السد الجديد في محافظة شمال الباطنة احتجاز نحو 11 مليون متر مكعب من"
                    " مياه الأمطار، ما يقلل خطر السيول على الأحياء السكنية والمنطقة الصناعية.",
                ),
                (
                    "عُمان: سد وادي الجزي يدخل الخدمة قبل موسم الأمطار",
                    "قالت الوزارة إن السد الذي استغرق بناؤه ثلاث سنوات سيسهم أيضا في تغذية المياه"
                    " الجوفية، بعد الأضرار التي خلفتها الأنواء المناخية في الولاية خلال السنوات"
                    " الماضية.",
                ),
            ],
        ],
    ),
    (
        "كرة السلة",
        [
            [
                (
                    "الاتحاد السكندري بطلا للبطولة العربية للأندية لكرة السلة",
                    "توج الاتحاد السكندري المصري بلقب البطولة العربية للأندية لكرة السلة بعد فوزه"
                    " على الرياضي اللبناني 91-85 في المباراة النهائية التي أقيمت في دبي.",
                ),
                (
                    "زعيم الثغر يعتلي عرش السلة العربية على حساب الرياضي",
                    "نجح الفريق السكندري في حسم النهائي خلال الربع الأخير بعد تأخره بست نقاط،"
                    " ليحرز اللقب العربي للمرة الخامسة في تاريخه.",
                ),
                (
                    "مدرب الاتحاد: اللقب العربي هدية لجماهير الإسكندرية",
                    "أهدى المدير الفني للاتحاد الفوز بالبطولة إلى جماهير النادي التي سافرت إلى"
                    " الإمارات، مشيدا بأداء لاعبيه في النهائي أمام بطل لبنان.",
                ),
            ],
            [
                (
                    "القادسية الكويتي يحرز لقب البطولة الخليجية للأندية لكرة السلة",
                    "أحرز القادسية الكويتي لقب البطولة الخليجية للأندية لكرة السلة بفوزه على"
                    " المحرق البحريني 77-70 في النهائي الذي أقيم في المنامة.",
                ),
                (
                    "القادسية يعود إلى منصة التتويج الخليجية على حساب صاحب الأرض",
                    "تغلب الفريق الكويتي على مضيفه المحرق بفارق سبع نقاط في العاصمة البحرينية،"
                    " ليستعيد اللقب الخليجي الذي غاب عن خزائنه أربع سنوات.",
                ),
                (
                    "صانع ألعاب القادسية أفضل لاعب في البطولة الخليجية",
                    "اختير صانع ألعاب القادسية أفضل لاعب في البطولة بعد أن سجل 24 نقطة في النهائي"
                    " أمام المحرق، الذي خسر اللقب على أرضه وبين جماهيره.",
                ),
            ],
        ],
    ),
    (
        "سباقات الهجن",
        [
            [
                (
                    "«الشاهينية» تنتزع السيف الذهبي في ختام مهرجان الهجن بالطائف",
                    "فازت المطية «الشاهينية» بالسيف الذهبي للشوط الرئيسي في ختام مهرجان الهجن"
                    " بالطائف، بعد أن قطعت مسافة ثمانية كيلومترات في 10 دقائق و41 ثانية.",
                ),
                (
                    "ختام مهرجان الهجن في مصيف العرب بتتويج الشاهينية",
                    "شهد ميدان الهجن في مصيف العرب منافسة قوية في الشوط الختامي، حسمتها"
                    " «الشاهينية» في الأمتار الأخيرة متقدمة على مطايا من الإمارات وقطر.",
                ),
                (
                    "أمير منطقة مكة المكرمة يتوج الفائزين في مهرجان الهجن",
                    "توج أمير منطقة مكة المكرمة ملاك المطايا الفائزة في ختام المهرجان، وفي"
                    " مقدمتهم مالك «الشاهينية» التي أحرزت جائزة الشوط الرئيسي البالغة مليون ريال.",
                ),
            ],
            [
                (
                    "«مزنة» العمانية تحرز خنجر الشوط الرئيسي في ميدان المرموم",
                    "حققت المطية العمانية «مزنة» المركز الأول في الشوط الرئيسي لسباقات الهجن"
                    " بميدان المرموم في دبي، مسجلة زمنا قدره 9 دقائق و58 ثانية لمسافة ثمانية"
                    " كيلومترات.",
                ),
                (
                    "هجن سلطنة عمان تخطف الأضواء في ختام موسم السباقات بالإمارات",
                    "خطفت مطية عمانية اللقب الأغلى في ختام موسم سباقات الهجن بالإمارات، متفوقة"
                    " على نخبة من هجن الإمارات والسعودية.",
                ),
                (
                    "مضمر «مزنة»: الفوز في المرموم ثمرة تدريب بدأ قبل عام",
                    "قال مضمر المطية الفائزة إن «مزنة» خضعت لبرنامج تضمير خاص في شمال الشرقية"
                    " استعدادا لسباق دبي الذي يعد الأبرز في الموسم.",
                ),
            ],
        ],
    ),
    (
        "رسوم جمركية",
        [
            [
                (
                    "تركيا تفرض رسوما إضافية بنسبة 40% على السيارات الكهربائية الصينية",
                    "قررت الحكومة التركية فرض رسوم جمركية إضافية بنسبة 40 في المئة على السيارات"
                    " الكهربائية المستوردة من الصين، بحسب قرار رئاسي نشر في الجريدة الرسمية.",
                ),
                (
                    "أنقرة ترفع كلفة استيراد السيارات الكهربائية من الصين",
                    "تسعى أنقرة من خلال الرسوم الجديدة إلى حماية مصانع السيارات المحلية، وسط"
                    " إقبال متزايد من المستهلكين الأتراك على الطرازات الصينية الأرخص ثمنا.",
                ),
                (
                    "وزير التجارة التركي: إعفاءات للشركات التي تبني مصانع في البلاد",
                    "قال وزير التجارة التركي إن الرسم الإضافي على السيارات الكهربائية الصينية"
                    " يهدف إلى معالجة خلل في الميزان التجاري، مشيرا إلى أن الشركات التي تستثمر في"
                    " تركيا قد تعفى منه.",
                ),
            ],
            [
                (
                    "مصر تفرض رسوم إغراق مؤقتة على واردات الصلب من الصين وفيتنام",
                    "قررت وزارة الاستثمار والتجارة الخارجية في مصر فرض رسوم مكافحة إغراق مؤقتة"
                    " بنسبة 15.8 في المئة على واردات الصلب المدرفل على الساخن من الصين وفيتنام"
                    " لمدة 180 يوما.",
                ),
                (
                    "رسوم على الحديد المستورد لحماية المصانع المصرية",
                    "جاء القرار بعد شكوى تقدم بها منتجو الصلب المحليون قالوا فيها إن الواردات"
                    " الآسيوية تباع في السوق المصرية بأقل من كلفة إنتاجها.",
                ),
                (
                    "القاهرة تفرض رسوما لستة أشهر على صلب آسيوي",
                    "أوضح جهاز مكافحة الدعم والإغراق أن الرسوم المؤقتة ستطبق ستة أشهر لحين انتهاء"
                    " التحقيق، وأن نسبتها تقارب ١٦ في المئة من قيمة الشحنات.",
                ),
            ],
        ],
    ),
    (
        "هجمات إلكترونية",
        [
            [
                (
                    "هجوم فدية يعطل أنظمة 12 مستشفى حكوميا في الأردن",
                    "تعرضت الأنظمة الإلكترونية لاثني عشر مستشفى حكوميا في الأردن لهجوم ببرمجية"
                    " فدية، ما أدى إلى توقف نظام المواعيد والسجلات الطبية المحوسبة.",
                ),
                (
                    "مستشفيات أردنية تعود إلى الملفات الورقية بعد اختراق إلكتروني",
                    "لجأ الأطباء والممرضون في مستشفيات عدة بالمملكة إلى تدوين بيانات المرضى يدويا"
                    " بعد تعطل الأنظمة، فيما تأخرت مواعيد العيادات الخارجية.",
                ),
                (
                    "وزير الصحة: الهجوم الإلكتروني لم يمس بيانات المرضى",
                    "أكد وزير الصحة الأردني أن فرقا فنية تعمل مع المركز الوطني للأمن السيبراني"
                    " لاستعادة الأنظمة، وأن الحكومة لن تدفع أي فدية للمهاجمين.",
                ),
            ],
            [
                (
                    "هجوم إلكتروني يشل الخدمات الرقمية لجماعة الدار البيضاء",
                    "توقفت منصات الخدمات الإلكترونية التابعة لجماعة الدار البيضاء، بما فيها منصة"
                    " رخص البناء والمصادقة على الوثائق، بعد هجوم معلوماتي استهدف خوادمها.",
                ),
                (
                    "تعطل مصالح إدارية في العاصمة الاقتصادية للمغرب بعد قرصنة",
                    "اصطف المواطنون أمام المقاطعات في العاصمة الاقتصادية بعد تعطل النظام"
                    " المعلوماتي، واضطر الموظفون إلى تأجيل تسليم الوثائق الإدارية.",
                ),
                (
                    "عمدة البيضاء: استرجاع الخدمات الرقمية خلال أيام",
                    "قالت عمدة المدينة إن المصالح التقنية تعمل مع المديرية العامة لأمن نظم"
                    " المعلومات على إعادة تشغيل المنصات، وإن المعطيات الشخصية للمرتفقين محمية.",
                ),
            ],
        ],
    ),
    (
        "تعديل وزاري",
        [
            [
                (
                    "مرسوم أميري بتعديل وزاري في الكويت يشمل 5 حقائب",
                    "صدر في الكويت مرسوم أميري بإجراء تعديل وزاري على الحكومة شمل خمس حقائب، من"
                    " بينها النفط والتربية والأشغال العامة.",
                ),
                (
                    "الوزراء الجدد يؤدون اليمين الدستورية أمام أمير البلاد",
                    "أدى خمسة وزراء جدد اليمين الدستورية في قصر بيان بعد ساعات من صدور مرسوم"
                    " التعديل، بحضور رئيس مجلس الوزراء.",
                ),
                (
                    "وجه جديد على رأس وزارة النفط في تعديل حكومي كويتي",
                    "أسند التعديل الحكومي حقيبة النفط إلى المهندس خالد العنزي، الذي شغل سابقا"
                    " منصب الرئيس التنفيذي لإحدى الشركات النفطية الحكومية.",
                ),
            ],
            [
                (
                    "تعديل حكومي في موريتانيا يطال ست وزارات",
                    "أعلنت الرئاسة الموريتانية تعديلا جزئيا على الحكومة شمل ست وزارات، أبرزها"
                    " الداخلية والمالية والصيد، مع الإبقاء على الوزير الأول في منصبه.",
                ),
                (
                    "نواكشوط: وزير جديد للمالية ضمن تعديل جزئي للحكومة",
                    "عين الرئيس الموريتاني وزيرا جديدا للمالية قادما من البنك المركزي، في تعديل"
                    " قالت مصادر حكومية إنه يهدف إلى تسريع تنفيذ المشاريع.",
                ),
                (
                    "أول اجتماع لمجلس الوزراء الموريتاني بعد التعديل الحكومي",
                    "عقد مجلس الوزراء في نواكشوط أول اجتماع له بتشكيلته الجديدة، ودعا رئيس"
                    " الجمهورية الوزراء الستة الجدد إلى الإسراع في إعداد خطط قطاعاتهم.",
                ),
            ],
        ],
    ),
    (
        "جراد",
        [
            [
                (
                    "أسراب الجراد الصحراوي تجتاح مساحات زراعية في أدرار",
                    "رصدت مصالح الفلاحة في ولاية أدرار أسرابا من الجراد الصحراوي قادمة من الحدود"
                    " الجنوبية، وبدأت فرق المكافحة رش المبيدات على مساحة تتجاوز 12 ألف هكتار.",
                ),
                (
                    "الجزائر تعلن حالة استنفار لمكافحة الجراد في الجنوب",
                    "استنفرت السلطات الجزائرية فرق المعهد الوطني لحماية النباتات في ولايات الجنوب"
                    " بعد وصول أسراب كثيفة من الجراد إلى واحات النخيل.",
                ),
                (
                    "فرق المكافحة تعالج اثني عشر ألف هكتار من أسراب الجراد",
                    "قال مدير المعهد الوطني لحماية النباتات إن فرقه عالجت حتى الآن ١٢ ألف هكتار"
                    " في أدرار وتمنراست، محذرا من موجة ثانية مع ارتفاع درجات الحرارة.",
                ),
            ],
            [
                (
                    "أسراب الجراد تهاجم مزارع في إقليم بلوشستان الباكستاني",
                    "أعلنت السلطات في إقليم بلوشستان جنوب غرب باكستان حالة الطوارئ في خمس مقاطعات"
                    " بعد أن اجتاحت أسراب الجراد مزارع القمح والبساتين.",
                ),
                (
                    "طوارئ في كويتة بعد وصول الجراد من إيران",
                    "قال مسؤولون في كويتة إن أسرابا من الجراد دخلت الإقليم عبر الحدود الإيرانية،"
                    " وإن المزارعين يحاولون طردها بقرع الأواني وإشعال النيران.",
                ),
                (
                    "وزير الأمن الغذائي الباكستاني: طائرات لرش المبيدات في بلوشستان",
                    "أعلن وزير الأمن الغذائي في إسلام آباد إرسال طائرات رش وفرق ميدانية إلى"
                    " المقاطعات الخمس المنكوبة، لحماية محصول القمح قبل موسم الحصاد.",
                ),
            ],
        ],
    ),
    (
        "تسرب نفطي",
        [
            [
                (
                    "بقعة نفطية تلوث شواطئ جزيرة جربة جنوب تونس",
                    "ظهرت بقع من المحروقات على عدة كيلومترات من شواطئ جزيرة جربة، ما دفع السلطات"
                    " التونسية إلى منع السباحة في شاطئين وفتح تحقيق في مصدر التسرب.",
                ),
                (
                    "كتل نفطية سوداء على رمال جزيرة الأحلام",
                    "فوجئ سكان وسياح في جزيرة الأحلام بكتل سوداء من النفط على الرمال، فيما رجحت"
                    " وزارة البيئة أن يكون مصدرها سفينة عابرة في خليج قابس.",
                ),
                (
                    "وزيرة البيئة التونسية تعاين التلوث النفطي في جربة",
                    "زارت وزيرة البيئة المناطق المتضررة وأعلنت تعبئة فرق التنظيف والحماية"
                    " المدنية، مؤكدة أن التحاليل ستحدد نوع المحروقات المتسربة خلال أيام.",
                ),
            ],
            [
                (
                    "تسرب نفطي من ناقلة قبالة سواحل الفجيرة",
                    "أعلنت السلطات الإماراتية احتواء تسرب نفطي من ناقلة راسية قبالة ساحل الفجيرة،"
                    " بعد تسرب نحو 30 طنا من زيت الوقود إلى مياه خليج عمان.",
                ),
                (
                    "فرق بحرية تطوق بقعة زيت على الساحل الشرقي للإمارات",
                    "نشرت فرق مكافحة التلوث حواجز عائمة حول البقعة النفطية لمنع وصولها إلى شواطئ"
                    " دبا وكلباء، فيما لم تتأثر حركة الملاحة في الميناء.",
                ),
                (
                    "وزارة التغير المناخي والبيئة: احتواء تسرب ثلاثين طنا من الوقود",
                    "قالت وزارة التغير المناخي والبيئة إن التسرب الذي وقع أثناء عملية تزويد سفينة"
                    " بالوقود في المنطقة البحرية للفجيرة بات تحت السيطرة.",
                ),
            ],
        ],
    ),
    (
        "نقابات",
        [
            [
                (
                    "فوز فادي الحلبي بمنصب نقيب المحامين في بيروت",
                    "انتخبت الجمعية العامة لنقابة المحامين في بيروت المحامي فادي الحلبي نقيبا"
                    " جديدا بعد حصوله على 2340 صوتا في الدورة الثانية من الاقتراع.",
                ),
                (
                    "محامو لبنان يختارون نقيبا جديدا بعد جولتين من الاقتراع",
                    "اختار المحامون اللبنانيون نقيبهم الجديد في انتخابات شهدت مشاركة واسعة في قصر"
                    " العدل، وحُسمت في الجولة الثانية بفارق نحو ثلاثمئة صوت.",
                ),
                (
                    "النقيب الجديد للمحامين يتعهد بالدفاع عن استقلال القضاء",
                    "قال نقيب المحامين المنتخب في بيروت عقب إعلان النتائج إن أولويته ستكون الدفاع"
                    " عن استقلال القضاء وتحسين أوضاع المحامين الشباب.",
                ),
            ],
            [
                (
                    "انتخاب المهندس سامر عيتاني نقيبا للمهندسين في بيروت",
                    "فاز المهندس سامر عيتاني بمنصب نقيب المهندسين في بيروت بعد حصوله على 4210"
                    " أصوات، متقدما على ثلاثة مرشحين في انتخابات استمرت حتى المساء.",
                ),
                (
                    "مهندسو لبنان يختارون نقيبا جديدا وسط إقبال قياسي",
                    "أدلى أكثر من أحد عشر ألف مهندس بأصواتهم في مقر النقابة بالعاصمة اللبنانية،"
                    " في أوسع مشاركة تشهدها انتخابات المهندسين منذ سنوات.",
                ),
                (
                    "نقيب المهندسين المنتخب: إنقاذ صندوق التقاعد أولوية عاجلة",
                    "قال النقيب الجديد عقب إعلان النتائج إن إنقاذ صندوق التقاعد والتقديمات الصحية"
                    " للمهندسين سيكون في صدارة عمل مجلس النقابة خلال ولايته.",
                ),
            ],
        ],
    ),
    (
        "عفو رئاسي",
        [
            [
                (
                    "الرئيس الجزائري يعفو عن أكثر من 8 آلاف سجين بمناسبة عيد الاستقلال",
                    "وقع الرئيس الجزائري مراسيم عفو تشمل أكثر من ثمانية آلاف محبوس بمناسبة الذكرى"
                    " الثالثة والستين لعيد الاستقلال والشباب.",
                ),
                (
                    "إجراءات عفو تشمل آلاف المحبوسين في الجزائر",
                    "استفاد آلاف المحكوم عليهم نهائيا في الجزائر من عفو كلي أو جزئي، فيما استثنت"
                    " المراسيم جرائم الإرهاب والفساد وتهريب المخدرات.",
                ),
                (
                    "المرادية تعلن العفو عن ٨ آلاف سجين وتستثني قضايا الفساد",
                    "أفاد بيان لرئاسة الجمهورية بأن إجراءات العفو تشمل كذلك المحبوسين الذين نجحوا"
                    " في امتحانات البكالوريا وشهادة التعليم المتوسط داخل المؤسسات العقابية.",
                ),
            ],
            [
                (
                    "رئيس الدولة يأمر بالإفراج عن 1025 سجينا بمناسبة شهر رمضان",
                    "أمر رئيس دولة الإمارات بالإفراج عن 1025 نزيلا في المؤسسات العقابية"
                    " والإصلاحية ممن صدرت بحقهم أحكام في قضايا مختلفة، بمناسبة حلول شهر رمضان.",
                ),
                (
                    "الإمارات: عفو رمضاني عن أكثر من ألف نزيل وتسوية ديونهم",
                    "تكفل رئيس الدولة بتسوية الالتزامات المالية المترتبة على النزلاء المفرج عنهم،"
                    " في مبادرة قالت أبوظبي إنها تهدف إلى لم شملهم بأسرهم.",
                ),
                (
                    "أبوظبي: الإفراج عن 1,025 نزيلا قبل حلول الشهر الفضيل",
                    "بدأت الجهات المختصة إجراءات الإفراج عن النزلاء المشمولين بالعفو في مختلف"
                    " الإمارات، على أن تستكمل قبل بداية الصيام.",
                ),
            ],
        ],
    ),
    (
        "متاحف",
        [
            [
                (
                    "افتتاح متحف «دار الخط» في جدة التاريخية",
                    "افتتحت وزارة الثقافة السعودية متحف «دار الخط» في بيت تراثي مرمم بحي البلد في"
                    " جدة، ويضم أكثر من 600 مخطوطة ولوحة في الخط العربي.",
                ),
                (
                    "متحف جديد للخط العربي في عروس البحر الأحمر",
                    "تحول بيت قديم من الحجر المنقبي في عروس البحر الأحمر إلى متحف يعرض مصاحف"
                    " نادرة وأدوات الخطاطين عبر القرون.",
                ),
                (
                    "وزير الثقافة: «دار الخط» تعيد الحياة إلى البيوت التاريخية في البلد",
                    "قال وزير الثقافة السعودي خلال الافتتاح إن المتحف جزء من برنامج لتحويل البيوت"
                    " التاريخية في المنطقة إلى مرافق ثقافية مفتوحة للزوار.",
                ),
            ],
            [
                (
                    "إعادة افتتاح متحف الموصل الحضاري بعد سنوات من الترميم",
                    "أعيد افتتاح متحف الموصل الحضاري أمام الزوار بعد أعمال ترميم استمرت أربع"
                    " سنوات، ويعرض نحو 1200 قطعة أثرية من الحقبتين الآشورية والإسلامية.",
                ),
                (
                    "متحف أم الربيعين يستقبل زواره مجددا",
                    "احتشد أهالي أم الربيعين أمام بوابة المتحف في يوم افتتاحه، بعد أن أعيد تأهيل"
                    " قاعاته التي دمرت خلال سيطرة تنظيم داعش على المدينة.",
                ),
                (
                    "محافظ نينوى: إعادة افتتاح المتحف رسالة عن تعافي المدينة",
                    "قال محافظ نينوى إن المتحف الذي يضم ألفا ومئتي قطعة أثرية سيكون محطة رئيسية"
                    " للسياح، مع قرب انتهاء ترميم الجامع النوري ومنارة الحدباء.",
                ),
            ],
        ],
    ),
    (
        "إفلاس",
        [
            [
                (
                    "محكمة في دبي تشهر إفلاس شركة «الراية للإنشاءات»",
                    "قضت محكمة دبي الابتدائية بإشهار إفلاس شركة «الراية للإنشاءات» بعد عجزها عن"
                    " سداد ديون تتجاوز 1.4 مليار درهم لمصارف وموردين.",
                ),
                (
                    "إفلاس شركة مقاولات إماراتية بديون 1.4 مليار درهم",
                    "أعلن القضاء في الإمارات إفلاس شركة المقاولات، وعين أمينا للتفليسة لحصر"
                    " أصولها وتوزيعها على الدائنين، ومن بينهم أكثر من 300 مورد.",
                ),
                (
                    "مصير غامض لمشاريع «الراية» بعد حكم الإفلاس",
                    "يترقب مشترون في مشاريع سكنية كانت تنفذها الشركة في الإمارة مصير وحداتهم، بعد"
                    " أن توقفت أعمال البناء في ثلاثة أبراج منذ أشهر.",
                ),
            ],
            [
                (
                    "محكمة بحرينية تعلن إفلاس «دلمون العقارية» بديون 96 مليون دينار",
                    "أعلنت المحكمة الكبرى التجارية في البحرين إفلاس شركة «دلمون العقارية» بعد"
                    " تعثرها في سداد ديون تبلغ 96 مليون دينار بحريني.",
                ),
                (
                    "المنامة: تعيين أمين للتفليسة لحصر أصول شركة عقارية متعثرة",
                    "عينت المحكمة في المنامة أمينا للتفليسة لجرد أصول الشركة، وفي مقدمتها أراض"
                    " ومجمع تجاري في ضاحية السيف.",
                ),
                (
                    "مساهمون صغار يخشون ضياع مدخراتهم بعد إفلاس شركة عقارية بحرينية",
                    "قال مساهمون في الشركة المفلسة إنهم استثمروا مدخراتهم في مشاريعها السكنية،"
                    " مطالبين الجهات الرقابية بضمان حقوقهم قبل المصارف الدائنة.",
                ),
            ],
        ],
    ),
    (
        "طرح عام أولي",
        [
            [
                (
                    "سهم «مرافق الخليج» يرتفع 30% في أول يوم تداول بالسوق السعودية",
                    "ارتفع سهم شركة «مرافق الخليج» للخدمات اللوجستية بنسبة 30 في المئة، وهو الحد"
                    " الأعلى المسموح به، في أول أيام إدراجه في السوق الرئيسية بالرياض.",
                ),
                (
                    "إدراج «مرافق الخليج» في تداول بعد اكتتاب مغطى 40 مرة",
                    "بدأ تداول أسهم الشركة في السوق المالية السعودية بعد طرح عام أولي جمع 1.8"
                    " مليار ريال، وتجاوز فيه الطلب حجم الأسهم المطروحة بأربعين ضعفا.",
                ),
                (
                    "الرئيس التنفيذي لمرافق الخليج: حصيلة الطرح لبناء مستودعات في جدة والدمام",
                    "قال الرئيس التنفيذي للشركة في حفل قرع الجرس إن حصيلة الطرح ستخصص لبناء"
                    " مستودعات جديدة، بعد صعود السهم بنحو الثلث في يومه الأول.",
                ),
            ],
            [
                (
                    "بورصة قطر تستقبل أول إدراج منذ عامين بأسهم «بروق للتبريد»",
                    "بدأ تداول أسهم شركة «بروق للتبريد» في بورصة قطر، وأغلق السهم في يومه الأول"
                    " مرتفعا 4 في المئة فقط عن سعر الطرح البالغ ريالين.",
                ),
                (
                    "سهم «بروق» يغلق مرتفعا في أولى جلساته بالدوحة",
                    "أنهى سهم شركة التبريد المركزي جلسته الأولى في الدوحة عند 2.08 ريال، بارتفاع"
                    " أربعة في المئة عن سعر الاكتتاب.",
                ),
                (
                    "أول طرح في السوق القطرية منذ عامين يجمع 920 مليون ريال",
                    "قالت إدارة البورصة إن إدراج الشركة المتخصصة في تبريد المناطق يرفع عدد"
                    " الشركات المدرجة إلى 54 شركة، بعد اكتتاب جمع نحو 920 مليون ريال.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "currencies",
        [
            [
                (
                    "Argentina devalues peso by 18% in surprise overnight move",
                    "Argentina's central bank devalued the peso by 18% against the US dollar"
                    " overnight, setting the official rate at 1,420 pesos per dollar in a move it"
                    " said would narrow the gap with parallel markets.",
                ),
                (
                    "Buenos Aires shoppers rush to stores as peso tumbles",
                    "Queues formed outside electronics shops and supermarkets in the Argentine"
                    " capital as consumers tried to buy goods before prices adjusted to the"
                    " weaker currency.",
                ),
                (
                    "Economy minister defends devaluation, rules out further jumps",
                    "Argentina's economy minister said the one-off cut of nearly a fifth in the"
                    " peso's value was needed to rebuild reserves and would be followed by a"
                    " gradual crawl.",
                ),
            ],
            [
                (
                    "Kazakhstan lets tenge fall 15% as central bank ends support",
                    "The National Bank of Kazakhstan stopped defending the tenge on Tuesday,"
                    " letting the currency slide about 15% to 610 per dollar in its biggest"
                    " one-day fall in a decade.",
                ),
                (
                    "Tenge plunges as Astana abandons currency band",
                    "Exchange booths in Almaty and the capital suspended trading for several"
                    " hours as the Kazakh currency tumbled after the authorities dropped its"
                    " trading band.",
                ),
                (
                    "Kazakh central bank chief says free float will protect reserves",
                    "The head of the National Bank said in Almaty that spending billions of"
                    " dollars to hold the currency steady was no longer sustainable with oil"
                    " prices low.",
                ),
            ],
        ],
    ),
    (
        "dams",
        [
            [
                (
                    "Kenya opens Nyando dam to tame floods in Kisumu county",
                    "Kenya's president opened the Nyando multipurpose dam in Kisumu county on"
                    " Friday, a 140-million-cubic-metre reservoir meant to end years of seasonal"
                    " flooding on the Kano plains.",
                ),
                (
                    "New dam near Lake Victoria to irrigate 20,000 acres of rice",
                    "The reservoir on the Nyando river in western Kenya will supply water to rice"
                    " and sugarcane farmers across twenty thousand acres, officials said at the"
                    " launch.",
                ),
                (
                    "Kano plains residents hope new dam ends annual floods",
                    "Farmers whose homes are swamped almost every rainy season said they hoped"
                    " the dam, completed after six years of construction, would let them stay on"
                    " their land all year.",
                ),
            ],
            [
                (
                    "Spain completes Alcolea dam in Huelva after two decades",
                    "Spain's ecological transition minister inaugurated the Alcolea dam in the"
                    " province of Huelva on Monday, the first large new reservoir in Andalusia in"
                    " more than a decade.",
                ),
                (
                    "Andalusia's drought-hit farmers welcome new reservoir",
                    "The reservoir on the Odiel river, which can hold 246 cubic hectometres, will"
                    " supply water to strawberry and citrus growers in south-west Spain.",
                ),
                (
                    "Minister says Alcolea reservoir will end water cuts for Huelva farms",
                    "Speaking at the dam, the minister said Madrid had spent €280m on the"
                    " project, which was delayed for years by legal challenges and funding"
                    " shortfalls.",
                ),
            ],
        ],
    ),
    (
        "basketball",
        [
            [
                (
                    "Anadolu Efes beat Olympiacos to win EuroLeague in Berlin",
                    "Anadolu Efes won the EuroLeague title for the third time on Sunday, beating"
                    " Olympiacos 81-76 in the final of the Final Four in Berlin.",
                ),
                (
                    "Istanbul side crowned kings of Europe after late comeback",
                    "The Turkish club overturned a nine-point deficit in the fourth quarter to"
                    " beat the Greek champions and lift Europe's top club trophy.",
                ),
                (
                    "Efes coach hails 'character' after third European crown",
                    "Efes' head coach said his players had shown character in Berlin, after the"
                    " team's point guard was named Final Four MVP with 23 points in the final.",
                ),
            ],
            [
                (
                    "Illawarra Hawks win NBL championship in game five decider",
                    "The Illawarra Hawks won the National Basketball League championship on"
                    " Sunday night, beating the Tasmania JackJumpers 88-84 in the fifth and"
                    " deciding game of the grand final series.",
                ),
                (
                    "Wollongong celebrates as Hawks clinch first title in 25 years",
                    "Thousands of fans packed the arena in Wollongong as the Hawks ended a"
                    " quarter-century wait for an Australian basketball title.",
                ),
                (
                    "JackJumpers fall short as Hawks take NBL crown 3-2",
                    "Tasmania led by six points with three minutes left in Wollongong but could"
                    " not hold on, handing the series and the title to Illawarra.",
                ),
            ],
        ],
    ),
    (
        "horse racing",
        [
            [
                (
                    "Japan's Sakura Thunder wins Dubai World Cup",
                    "Japanese-trained Sakura Thunder won the $12m Dubai World Cup at Meydan on"
                    " Saturday night, holding off the American favourite by a length and a half.",
                ),
                (
                    "Japanese raider lands Meydan's richest prize",
                    "The five-year-old, ridden by a 24-year-old jockey from Osaka, led from the"
                    " final turn to take the feature race of the night in Dubai.",
                ),
                (
                    "Trainer: Dubai victory the greatest day of my career",
                    "The trainer of Sakura Thunder said the horse had travelled well to the"
                    " United Arab Emirates and would now be aimed at the Breeders' Cup in the"
                    " autumn.",
                ),
            ],
            [
                (
                    "Irish-trained mare Moonlit Harbour wins Melbourne Cup",
                    "Moonlit Harbour, trained in County Kildare, won the Melbourne Cup at"
                    " Flemington on Tuesday at odds of 20-1.",
                ),
                (
                    "Race that stops a nation goes to Ireland again",
                    "The six-year-old mare came from near the back of the field to win"
                    " Australia's most famous race by a neck, sending the cup back to Ireland.",
                ),
                (
                    "Kildare trainer celebrates Flemington triumph",
                    "The trainer said the mare had been prepared for the two-mile race for a"
                    " year, and that winning at Flemington was a lifelong dream.",
                ),
            ],
        ],
    ),
    (
        "tariffs",
        [
            [
                (
                    "Mexico raises tariffs on Asian clothing imports to 35%",
                    "Mexico raised import duties on clothing and textiles from countries without"
                    " a trade agreement to 35%, a move aimed mainly at cheap imports from China,"
                    " the economy ministry said.",
                ),
                (
                    "Mexico City targets cheap Chinese textiles with new duties",
                    "The decree, published in the official gazette, covers more than 130 tariff"
                    " lines including T-shirts, jeans and fabrics, and takes effect on Monday.",
                ),
                (
                    "Economy secretary says tariff rise will protect 400,000 textile jobs",
                    "Mexico's economy secretary said the higher duties would shield domestic"
                    " garment makers in states such as Puebla and Jalisco from what he called"
                    " unfair competition.",
                ),
            ],
            [
                (
                    "Brazil raises import tax on electric cars to 35%",
                    "Brazil brought forward plans to raise its import tariff on electric vehicles"
                    " to 35%, the trade ministry said, as Chinese carmakers flood its market with"
                    " cheaper models.",
                ),
                (
                    "Brasília speeds up EV tariff rise as Chinese imports surge",
                    "The federal government said the duty would reach the full 35% in January,"
                    " eighteen months earlier than planned, after imports of electric cars"
                    " tripled in a year.",
                ),
                (
                    "Carmakers building plants in Brazil to get tariff relief",
                    "Brazil's vice-president, who also serves as trade minister, said companies"
                    " building factories in the country would receive import quotas at lower"
                    " rates during a transition period.",
                ),
            ],
        ],
    ),
    (
        "cyberattacks",
        [
            [
                (
                    "Ransomware attack knocks out city services in Tampere",
                    "A ransomware attack has disrupted online services in the Finnish city of"
                    " Tampere, forcing schools, libraries and social services offices to fall"
                    " back on paper records.",
                ),
                (
                    "Finnish city hit by cyberattack, residents' data may be exposed",
                    "Officials in Finland's third-largest city said hackers may have copied"
                    " personal data of residents and employees before encrypting systems over the"
                    " weekend.",
                ),
                (
                    "Tampere mayor: city will not pay hackers' ransom",
                    "The mayor said police and the national cyber security centre were"
                    " investigating the attack, and that restoring all systems could take several"
                    " weeks.",
                ),
            ],
            [
                (
                    "Cyberattack takes Auckland Council systems offline",
                    "Auckland Council shut down its computer systems on Wednesday after detecting"
                    " a cyberattack, leaving residents unable to pay rates or apply for building"
                    " consents online.",
                ),
                (
                    "Hackers disrupt services in New Zealand's largest city",
                    "Library loans, parking payments and building inspections were halted across"
                    " the City of Sails as council staff worked to contain the breach.",
                ),
                (
                    "Auckland mayor says no evidence yet of data theft after hack",
                    "The mayor said the national cyber security centre was helping the council,"
                    " and there was so far no sign that ratepayers' personal information had been"
                    " taken.",
                ),
            ],
        ],
    ),
    (
        "cabinet reshuffles",
        [
            [
                (
                    "Peru's president reshuffles cabinet, replacing six ministers",
                    "Peru's president swore in six new ministers on Thursday, including new heads"
                    " of the interior and economy ministries, in the fourth cabinet shake-up"
                    " since taking office.",
                ),
                (
                    "New interior minister sworn in at Lima's Government Palace",
                    "A retired police general was sworn in as interior minister at a ceremony in"
                    " the Peruvian capital, as the government faces pressure over a wave of"
                    " extortion crimes.",
                ),
                (
                    "Peru gets new economy chief in cabinet overhaul",
                    "A former central bank official was named economy and finance minister as"
                    " part of a reshuffle that changed half a dozen portfolios in the Andean"
                    " country's government.",
                ),
            ],
            [
                (
                    "Ghana's president names new finance minister in reshuffle",
                    "Ghana's president replaced his finance minister and four other cabinet"
                    " members on Monday, in the first major reshuffle since he took office.",
                ),
                (
                    "Accra cabinet shake-up sees five ministers replaced",
                    "The presidency in Accra announced five changes to the cabinet, including the"
                    " finance, energy and health portfolios, in a statement late on Monday.",
                ),
                (
                    "Ghana's new finance chief vows to keep IMF programme on track",
                    "The incoming minister, a former deputy governor of the Bank of Ghana, said"
                    " his priority was to stay on course with the International Monetary Fund"
                    " programme.",
                ),
            ],
        ],
    ),
    (
        "locusts",
        [
            [
                (
                    "Desert locust swarms invade northern Kenya's Marsabit county",
                    "Huge swarms of desert locusts have crossed from Ethiopia into Marsabit"
                    " county in northern Kenya, devouring pasture that herders depend on,"
                    " officials said.",
                ),
                (
                    "Kenya deploys spray planes as locusts hit northern pastures",
                    "The agriculture ministry said four aircraft had begun spraying insecticide"
                    " over swarms near Moyale and North Horr, amid fears the insects could move"
                    " south.",
                ),
                (
                    "Herders in Marsabit fear for livestock as locusts strip grazing land",
                    "Pastoralists said the swarms had stripped shrubs and grass within hours,"
                    " leaving goats and camels with little to eat just weeks after the rains.",
                ),
            ],
            [
                (
                    "Locust swarms attack crops in India's Rajasthan",
                    "Swarms of desert locusts have entered western Rajasthan from Pakistan,"
                    " damaging mustard and cumin crops in the Jaisalmer and Barmer districts,"
                    " officials said.",
                ),
                (
                    "Farmers in Jaisalmer beat drums to drive away locusts",
                    "Villagers in the desert district banged plates and drums and lit fires to"
                    " keep the insects off their fields, as control teams sprayed pesticide at"
                    " night.",
                ),
                (
                    "Centre rushes drones to desert state to fight locust invasion",
                    "India's agriculture ministry sent drones and 50 spray vehicles to the desert"
                    " state, saying the swarms were the largest seen in the region in five years.",
                ),
            ],
        ],
    ),
    (
        "oil spills",
        [
            [
                (
                    "Oil leaks from grounded cargo ship off Sri Lanka's Galle",
                    "Fuel oil is leaking from a cargo ship that ran aground near Galle on Sri"
                    " Lanka's southern coast, the Marine Environment Protection Authority said on"
                    " Saturday.",
                ),
                (
                    "Beaches in southern Sri Lanka blackened by oil from stranded vessel",
                    "Fishermen were ordered out of the water along a 20km stretch of the island's"
                    " southern coastline as black oil washed ashore near Unawatuna.",
                ),
                (
                    "Navy races to pump fuel from ship aground near Galle fort",
                    "Sri Lanka's navy said divers had sealed two cracks in the hull of the"
                    " Panama-flagged ship and were pumping out its remaining 300 tonnes of fuel.",
                ),
            ],
            [
                (
                    "Pipeline spill pollutes creeks in Nigeria's Bayelsa state",
                    "A leak from an oil pipeline has polluted creeks and fishing grounds in"
                    " Bayelsa state, in Nigeria's Niger Delta, local officials and community"
                    " leaders said.",
                ),
                (
                    "Niger Delta fishermen say spill has killed their catch",
                    "Fishermen in the Nembe area said dead fish were floating in the creeks days"
                    " after crude oil began spilling from a damaged pipeline.",
                ),
                (
                    "Nigeria's spill agency sends team to investigate Bayelsa leak",
                    "The National Oil Spill Detection and Response Agency said its officials"
                    " would visit the site with the pipeline operator to determine the cause and"
                    " size of the spill.",
                ),
            ],
        ],
    ),
    (
        "trade unions",
        [
            [
                (
                    "Mineworkers' union picks new president at Rustenburg congress",
                    "Delegates at the national congress of the United Mineworkers Union of South"
                    " Africa in Rustenburg elected Sipho Mthembu as president on Friday.",
                ),
                (
                    "Platinum belt union leader voted in by 1,100 delegates",
                    "Delegates gathered in the heart of South Africa's platinum belt chose the"
                    " former shaft steward ahead of two rivals, giving him 1,100 of the 1,780"
                    " votes cast.",
                ),
                (
                    "New mineworkers' leader vows to fight job cuts",
                    "The union's newly elected president told the congress in North West province"
                    " that his first task would be to resist planned layoffs at platinum mines.",
                ),
            ],
            [
                (
                    "Public Service Alliance of Canada elects new national president",
                    "Delegates to the Public Service Alliance of Canada's triennial convention in"
                    " Ottawa elected Marie-Claude Tremblay as national president on Thursday.",
                ),
                (
                    "Federal workers' union picks Quebec organiser as leader",
                    "Canada's biggest union of federal government employees chose a veteran"
                    " organiser from Gatineau to lead it through upcoming contract talks.",
                ),
                (
                    "New PSAC president promises fight over return-to-office rules",
                    "Speaking after her election in the capital, the new national president said"
                    " the union would challenge orders for public servants to work in the office"
                    " more days a week.",
                ),
            ],
        ],
    ),
    (
        "pardons",
        [
            [
                (
                    "Vietnam grants amnesty to 2,500 prisoners ahead of National Day",
                    "Vietnam's president granted amnesty to more than 2,500 prisoners to mark"
                    " National Day on September 2, state media reported.",
                ),
                (
                    "Hanoi frees thousands of inmates in annual National Day amnesty",
                    "Those released include 20 foreigners, the government said in Hanoi, adding"
                    " that prisoners convicted of national security crimes and drug trafficking"
                    " were excluded.",
                ),
                (
                    "More than two thousand Vietnamese prisoners to walk free",
                    "The presidential office said inmates who had served at least a third of"
                    " their sentences and shown good behaviour were eligible for the amnesty.",
                ),
            ],
            [
                (
                    "Zimbabwe's president pardons 4,000 prisoners to ease overcrowding",
                    "Zimbabwe's president has pardoned about 4,000 prisoners, including women,"
                    " juveniles and elderly inmates, in a bid to ease severe overcrowding in the"
                    " country's jails.",
                ),
                (
                    "Harare orders release of thousands of inmates under clemency order",
                    "The clemency order published in Harare covers prisoners who have served a"
                    " quarter of their sentences for non-violent offences.",
                ),
                (
                    "Prison service says amnesty will ease pressure on Zimbabwe's jails",
                    "Zimbabwe Prisons and Correctional Service said releases would begin at"
                    " Chikurubi and other prisons this week, cutting the inmate population by"
                    " about a sixth.",
                ),
            ],
        ],
    ),
    (
        "museums",
        [
            [
                (
                    "New museum of Aboriginal art opens in Perth",
                    "A museum devoted to Aboriginal art from Western Australia opened in Perth's"
                    " cultural centre on Saturday, with more than 2,000 works from the Kimberley"
                    " to the Great Southern.",
                ),
                (
                    "WA capital unveils A$180m gallery for Indigenous art",
                    "Thousands of visitors queued on the opening day of the state-funded museum"
                    " in the Western Australian capital, which was designed with Noongar elders.",
                ),
                (
                    "Elders lead ceremony as Indigenous art museum opens its doors",
                    "Noongar elders performed a smoking ceremony before the premier of Western"
                    " Australia declared the museum open, calling it a gift to future"
                    " generations.",
                ),
            ],
            [
                (
                    "Istanbul opens museum in restored Ottoman shipyard on the Golden Horn",
                    "Turkey opened a new maritime and design museum in a restored Ottoman"
                    " shipyard in Istanbul's Haliç district on Friday, after a seven-year"
                    " restoration.",
                ),
                (
                    "Golden Horn shipyard reborn as museum",
                    "The 16th-century dockyard buildings, once used to build galleys for the"
                    " Ottoman navy, now house 3,500 objects including ship models and sultans'"
                    " caiques.",
                ),
                (
                    "Turkish culture minister: old dockyard will draw millions of visitors",
                    "Turkey's culture and tourism minister said at the opening that the complex"
                    " on the historic inlet would become one of Istanbul's most visited sites.",
                ),
            ],
        ],
    ),
    (
        "bankruptcies",
        [
            [
                (
                    "Italian fashion house Casa Morelli files for bankruptcy",
                    "Casa Morelli, the Milan-based fashion house founded in 1962, filed for"
                    " bankruptcy protection on Wednesday, citing debts of €310 million and"
                    " falling sales in Asia.",
                ),
                (
                    "Milan luxury label seeks court protection from creditors",
                    "The family-owned label asked a Milan court for protection from creditors"
                    " while it seeks a buyer, putting about 900 jobs at risk.",
                ),
                (
                    "Unions fear for 900 jobs as Italian fashion brand collapses",
                    "Workers at the company's factories in Lombardy and Tuscany held assemblies"
                    " after the family-run house in the fashion capital applied for insolvency"
                    " protection.",
                ),
            ],
            [
                (
                    "Chilean retailer Almacenes Pacífico files for Chapter 11 in New York",
                    "Almacenes Pacífico, one of Chile's largest department store chains, filed"
                    " for Chapter 11 bankruptcy protection in New York on Monday, listing"
                    " liabilities of about $1.2 billion.",
                ),
                (
                    "Santiago department store chain seeks US bankruptcy protection",
                    "The retailer, which has 48 stores across Chile and Peru, said shops would"
                    " stay open while it restructured its debts under US court supervision.",
                ),
                (
                    "Almacenes Pacífico blames weak demand for debt crisis",
                    "The company's chief executive said weak consumer spending and high interest"
                    " rates had made its dollar bonds impossible to refinance.",
                ),
            ],
        ],
    ),
    (
        "stock listings",
        [
            [
                (
                    "Food delivery firm Tiffino jumps 40% on Mumbai market debut",
                    "Shares in Indian food delivery company Tiffino jumped 40% on their first day"
                    " of trading on the National Stock Exchange in Mumbai on Thursday, after an"
                    " IPO that raised 42 billion rupees.",
                ),
                (
                    "Dalal Street cheers as Tiffino IPO makes blockbuster debut",
                    "Tiffino listed at a sharp premium to its offer price, valuing the"
                    " Bengaluru-based start-up at about $6 billion.",
                ),
                (
                    "Tiffino founder rings bell as shares soar on listing day",
                    "The company's co-founder said the proceeds would fund expansion into 200"
                    " more cities, after the stock closed 41 percent above its issue price.",
                ),
            ],
            [
                (
                    "Electric scooter maker Zipvolt slides 9% in Mumbai trading debut",
                    "Shares in Zipvolt, an Indian maker of electric scooters, fell 9% below their"
                    " offer price on their first day of trading on the Bombay Stock Exchange on"
                    " Tuesday.",
                ),
                (
                    "Investors give cold shoulder to Zipvolt as IPO disappoints",
                    "The Pune-based company's stock ended its first session on Dalal Street well"
                    " below the issue price, after an offering that raised 18 billion rupees.",
                ),
                (
                    "Zipvolt chief says weak debut will not derail factory plans",
                    "The company's chief executive said it would still build a second scooter"
                    " plant in Maharashtra, after its shares closed nearly a tenth below the"
                    " offer price on listing day.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
