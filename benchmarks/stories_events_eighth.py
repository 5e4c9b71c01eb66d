"""An eighth set of events for the story evaluation, written after the grouping was fixed.

Written for Newsreader by a writer who did not read how the grouping works, and never
used to tune anything, so that it remains a clean test of it.  It has fourteen topics in
each language that none of the seven earlier sets (``stories_events.py``,
``stories_events_fresh.py``, ``stories_events_unseen.py``, ``stories_events_fourth.py``,
``stories_events_fifth.py``, ``stories_events_sixth.py`` and
``stories_events_seventh.py``) has.  Each topic holds two invented events of the same
kind (the hard negatives: same topic, another event, in some topics in the same country,
in others in different countries), and each event is told three times as three outlets
would tell it, in their own words (the hard positives: one names the city, another the
country, the capital or a nickname; an official's title in place of a name; a number
written another way).  Run this module to write the labelled pairs::

    python benchmarks/stories_events_eighth.py > benchmarks/stories_eval_eighth.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "عواصف رملية",
        [
            [
                (
                    "عاصفة ترابية تعلق الملاحة في مطار الكويت الدولي لست ساعات",
                    "علّقت الإدارة العامة للطيران المدني في الكويت الرحلات القادمة والمغادرة لمدة"
                    " ست ساعات صباح الأحد، بعد أن تدنت الرؤية الأفقية إلى أقل من مئتي متر بسبب"
                    " عاصفة ترابية كثيفة.",
                ),
                (
                    "الغبار يغطي سماء الكويت وتحويل 23 رحلة إلى مطارات مجاورة",
                    "حُوّلت 23 رحلة جوية إلى مطارات الدمام والبحرين والدوحة، فيما أغلقت الموانئ"
                    " النفطية الكويتية أمام حركة الناقلات حتى تحسن الأحوال الجوية.",
                ),
                (
                    "الأرصاد: الرياح المثيرة للغبار تهدأ مساء اليوم بعد شلل المطار والموانئ",
                    "قال مدير إدارة الأرصاد الجوية إن الرياح الشمالية الغربية التي بلغت سرعتها"
                    " ستين كيلومترا في الساعة ستهدأ تدريجيا، بعدما أوقفت حركة الطيران والملاحة"
                    " البحرية في البلاد لساعات.",
                ),
            ],
            [
                (
                    "أكثر من ألفي حالة اختناق في العراق جراء عاصفة ترابية",
                    "قالت وزارة الصحة العراقية إن مستشفيات بغداد والأنبار والنجف استقبلت أكثر من"
                    " ألفي شخص يعانون من ضيق في التنفس، بعد عاصفة ترابية هي السابعة منذ مطلع"
                    " الربيع.",
                ),
                (
                    "بغداد تعطل الدوام الرسمي بسبب الغبار الكثيف",
                    "أعلنت الحكومة العراقية تعطيل الدوام في الدوائر الرسمية يوم الاثنين، بعد أن"
                    " غطت سحب الغبار العاصمة وعددا من المحافظات الغربية والجنوبية.",
                ),
                (
                    "المستشفيات العراقية تستقبل ٢١٠٠ مصاب بحالات ربو واختناق",
                    "أوضح متحدث باسم الوزارة أن معظم المصابين من كبار السن والأطفال وأن أغلبهم"
                    " غادر بعد تلقي العلاج، في سابع موجة غبار تضرب بلاد الرافدين هذا العام.",
                ),
            ],
        ],
    ),
    (
        "انقطاع الكهرباء",
        [
            [
                (
                    "عتمة شاملة في لبنان بعد توقف آخر معملين للكهرباء",
                    "أعلنت مؤسسة كهرباء لبنان انقطاع التيار عن كامل الأراضي اللبنانية، بعد توقف"
                    " معملي الزهراني ودير عمار عن العمل لنفاد مخزون الفيول.",
                ),
                (
                    "بيروت تغرق في الظلام ومولدات الأحياء لا تكفي",
                    "اعتمد سكان العاصمة اللبنانية كليا على المولدات الخاصة، فيما رفع أصحابها تعرفة"
                    " الاشتراك في ظل انقطاع كهرباء الدولة منذ صباح الجمعة.",
                ),
                (
                    "وزير الطاقة اللبناني: شحنة فيول تصل خلال أربعة أيام",
                    "قال وزير الطاقة والمياه إن ناقلة محملة بالوقود ستفرغ حمولتها خلال 4 أيام"
                    " لإعادة تشغيل معملي الإنتاج، معتذرا عن العتمة التي تعيشها البلاد.",
                ),
            ],
            [
                (
                    "انقطاع شامل للكهرباء في باكستان بعد عطل في الشبكة الوطنية",
                    "انقطع التيار الكهربائي صباح الاثنين عن معظم أنحاء باكستان، بينها كراتشي"
                    " ولاهور وإسلام آباد، إثر هبوط مفاجئ في تردد الشبكة الوطنية جنوب البلاد.",
                ),
                (
                    "ملايين الباكستانيين بلا كهرباء لأكثر من 12 ساعة",
                    "قالت وزارة الطاقة الباكستانية إن فرقها أعادت التيار تدريجيا إلى المدن الكبرى،"
                    " بعد انقطاع تجاوز اثنتي عشرة ساعة وطال نحو مئتي مليون نسمة.",
                ),
                (
                    "إسلام آباد تفتح تحقيقا في عطل أغرق البلاد في الظلام",
                    "شكّل رئيس الوزراء الباكستاني لجنة للتحقيق في انهيار الشبكة، بعد أن توقفت"
                    " محطات التوليد واحدة تلو الأخرى وتعطلت المستشفيات والمصانع في كراتشي.",
                ),
            ],
        ],
    ),
    (
        "قرصنة بحرية",
        [
            [
                (
                    "قراصنة صوماليون يختطفون سفينة شحن قبالة سواحل بونتلاند",
                    "استولى مسلحون على متن زوارق سريعة على سفينة الشحن «مارين ستار» التي ترفع علم"
                    " ليبيريا، على بعد 40 ميلا بحريا من ساحل إقليم بونتلاند.",
                ),
                (
                    "اختطاف ناقلة بضائع وعلى متنها 19 بحارا في المحيط الهندي",
                    "قالت الشركة المشغلة إن السفينة كانت تنقل حديد التسليح من الهند إلى ميناء"
                    " مومباسا حين صعد إليها القراصنة، وإن أفراد طاقمها التسعة عشر بخير.",
                ),
                (
                    "القوة البحرية الأوروبية تتعقب السفينة المخطوفة قرب ساحل إيل",
                    "أعلنت عملية «أتالانتا» الأوروبية أن إحدى فرقاطاتها تراقب السفينة بعد اقتيادها"
                    " إلى المياه القريبة من بلدة إيل الصومالية، في أخطر حادث قرصنة بالمنطقة منذ"
                    " سنوات.",
                ),
            ],
            [
                (
                    "قراصنة يخطفون عشرة بحارة من ناقلة نفط في خليج غينيا",
                    "هاجم قراصنة ناقلة النفط «أتلانتيك بيرل» على بعد 120 ميلا بحريا جنوب جزيرة ساو"
                    " تومي، وخطفوا عشرة من أفراد طاقمها قبل أن يلوذوا بالفرار.",
                ),
                (
                    "خطف طاقم ناقلة قبالة سواحل غرب أفريقيا",
                    "قالت الشركة اليونانية المالكة إن المسلحين اقتادوا 10 بحارة بينهم القبطان إلى"
                    " جهة مجهولة، وتركوا تسعة آخرين على متن الناقلة التي تواصل طريقها نحو لاغوس.",
                ),
                (
                    "البحرية النيجيرية تطلق عملية بحث عن بحارة مخطوفين",
                    "أرسلت نيجيريا سفينتين حربيتين للبحث عن البحارة العشرة الذين خطفوا من ناقلة"
                    " يونانية جنوب ساو تومي وبرينسيبي، في ثالث هجوم من نوعه هذا العام.",
                ),
            ],
        ],
    ),
    (
        "سباحة",
        [
            [
                (
                    "التونسي أنيس الورتاني يتوج بذهبية 800 متر حرة في بطولة العالم",
                    "أحرز السباح التونسي أنيس الورتاني الميدالية الذهبية في سباق 800 متر حرة"
                    " ببطولة العالم للألعاب المائية في سنغافورة، مسجلا سبع دقائق و39 ثانية.",
                ),
                (
                    "ذهب عالمي لتونس في المسبح بعد نهاية مثيرة",
                    "تفوق ابن العشرين عاما على منافسه الأسترالي بفارق ثلاثة أجزاء من مئة من"
                    " الثانية في الأمتار الأخيرة، ليمنح بلاده أول ذهبية لها في البطولة.",
                ),
                (
                    "الرئيس التونسي يهنئ بطل العالم في السباحة",
                    "هنأ رئيس الجمهورية السباح الشاب على تتويجه في سنغافورة، فيما احتفل أنصاره في"
                    " حي المنزه بالعاصمة حتى ساعة متأخرة من الليل.",
                ),
            ],
            [
                (
                    "المصري مروان عبد الغني يحصد فضية 50 مترا فراشة في بطولة العالم",
                    "حصل السباح المصري مروان عبد الغني على الميدالية الفضية في سباق 50 مترا فراشة"
                    " ببطولة العالم للسباحة في الحوض القصير المقامة في بودابست.",
                ),
                (
                    "أول ميدالية عالمية لمصر في الحوض القصير",
                    "أنهى عبد الغني السباق في 22.04 ثانية خلف البرازيلي صاحب الذهبية، ليهدي بلاده"
                    " ميداليتها الأولى في تاريخ مشاركاتها ببطولات العالم للحوض القصير.",
                ),
                (
                    "سباح الفراعنة يعتلي منصة التتويج في العاصمة المجرية",
                    "قال رئيس الاتحاد المصري للسباحة إن فضية ابن الإسكندرية ثمرة معسكر استمر أربعة"
                    " أشهر، مؤكدا أن الهدف التالي هو الألعاب الأولمبية.",
                ),
            ],
        ],
    ),
    (
        "معارض الكتاب",
        [
            [
                (
                    "انطلاق معرض الشارقة الدولي للكتاب بمشاركة 2200 دار نشر",
                    "افتتح حاكم الشارقة الدورة الجديدة من معرض الشارقة الدولي للكتاب في مركز"
                    " إكسبو، بمشاركة ألفين ومئتي ناشر من 110 دول، ويستمر حتى نهاية الأسبوع المقبل.",
                ),
                (
                    "معرض الكتاب في «عاصمة الثقافة» الإماراتية يستقبل زواره",
                    "يضم المعرض أكثر من مليون ونصف مليون عنوان، وتحل اليونان ضيف شرف على دورته هذا"
                    " العام، وفق هيئة الشارقة للكتاب.",
                ),
                (
                    "ناشرون من ١١٠ دول في معرض الشارقة واليونان ضيف الشرف",
                    "قالت هيئة الشارقة للكتاب إن المعرض، الذي يستمر اثني عشر يوما، يستضيف أكثر من"
                    " 500 فعالية ثقافية وندوة إلى جانب أجنحة دور النشر.",
                ),
            ],
            [
                (
                    "افتتاح صالون الجزائر الدولي للكتاب بمشاركة 1100 ناشر",
                    "افتتح الوزير الأول الجزائري صالون الجزائر الدولي للكتاب بقصر المعارض في"
                    " الصنوبر البحري، بمشاركة ألف ومئة دار نشر من 40 بلدا.",
                ),
                (
                    "إقبال كبير على «سيلا» في يومه الأول",
                    "شهدت أجنحة الصالون في العاصمة الجزائرية توافد آلاف الزوار منذ الساعات الأولى،"
                    " وتحل قطر ضيف شرف على الدورة الحالية.",
                ),
                (
                    "قطر ضيف شرف على معرض الكتاب في الجزائر",
                    "يضم الجناح القطري في المعرض المقام بالعاصمة أكثر من ثلاثة آلاف عنوان، فيما"
                    " تمتد التظاهرة عشرة أيام تتخللها ندوات حول الأدب والترجمة.",
                ),
            ],
        ],
    ),
    (
        "تبادل الأسرى",
        [
            [
                (
                    "بدء تنفيذ صفقة تبادل 880 أسيرا بين الحكومة اليمنية والحوثيين",
                    "أقلعت أولى طائرات اللجنة الدولية للصليب الأحمر من مطار صنعاء نحو عدن، إيذانا"
                    " ببدء تنفيذ صفقة تبادل تشمل 880 أسيرا ومحتجزا من الطرفين.",
                ),
                (
                    "الصليب الأحمر: ست رحلات جوية لنقل المحتجزين بين المدن اليمنية",
                    "قالت اللجنة الدولية إن عملية التبادل تستمر يومين، وتشمل رحلات بين صنعاء وعدن"
                    " ومأرب، إضافة إلى رحلة إلى مدينة أبها السعودية.",
                ),
                (
                    "أسرى يعانقون ذويهم في عدن بعد سنوات من الاحتجاز",
                    "استقبلت عائلات مئات المحررين ذويها في مطار العاصمة المؤقتة بالزغاريد، ضمن"
                    " أكبر عملية تبادل منذ سنوات، تجري تحت إشراف الأمم المتحدة والصليب الأحمر.",
                ),
            ],
            [
                (
                    "روسيا وأوكرانيا تتبادلان 190 أسيرا بوساطة إماراتية",
                    "أعلنت وزارة الخارجية الإماراتية نجاح وساطة جديدة أفضت إلى تبادل 190 أسيرا بين"
                    " موسكو وكييف، مناصفة بين الجانبين.",
                ),
                (
                    "عودة 95 جنديا أوكرانيا إلى بلادهم في عملية تبادل جديدة",
                    "قال الرئيس الأوكراني إن خمسة وتسعين من جنود بلاده عادوا إلى الوطن، بينهم"
                    " مدافعون عن ماريوبول، شاكرا أبوظبي على جهودها.",
                ),
                (
                    "الدفاع الروسية: استعادة ٩٥ عسكريا من الأسر بعد مفاوضات",
                    "أوضحت وزارة الدفاع في موسكو أن الجنود الروس المفرج عنهم نقلوا جوا إلى روسيا"
                    " لتلقي الرعاية الطبية، في أحدث وساطة إماراتية من نوعها منذ بدء الحرب.",
                ),
            ],
        ],
    ),
    (
        "أسعار الوقود",
        [
            [
                (
                    "مصر ترفع أسعار البنزين والسولار بنسبة تصل إلى 15%",
                    "قررت لجنة تسعير المنتجات البترولية في مصر رفع أسعار البنزين بأنواعه والسولار"
                    " اعتبارا من صباح الجمعة، بزيادات تتراوح بين 11 و15 في المئة.",
                ),
                (
                    "لتر بنزين 92 بـ17 جنيها في أحدث زيادة للأسعار",
                    "أصبح سعر لتر البنزين أوكتان 92 سبعة عشر جنيها، والسولار خمسة عشر جنيها، وفق"
                    " القرار الذي نشرته الجريدة الرسمية وبدأ تطبيقه فور صدوره.",
                ),
                (
                    "سائقو الأجرة في القاهرة يرفعون التعرفة بعد زيادة الوقود",
                    "سارعت محافظات عدة بينها القاهرة والجيزة إلى إقرار تعرفة جديدة لسيارات الأجرة"
                    " والميكروباص، بعد ساعات من قرار الحكومة زيادة أسعار المحروقات.",
                ),
            ],
            [
                (
                    "الأردن يرفع أسعار المحروقات للشهر الثالث على التوالي",
                    "قررت لجنة تسعير المشتقات النفطية في الأردن رفع سعر البنزين أوكتان 90 بمقدار"
                    " 25 فلسا للتر، والديزل 35 فلسا، اعتبارا من بداية الشهر.",
                ),
                (
                    "زيادة جديدة على البنزين والديزل في المملكة الهاشمية",
                    "أرجعت وزارة الطاقة والثروة المعدنية الأردنية الزيادة إلى ارتفاع الأسعار"
                    " العالمية، وأبقت على سعر أسطوانة الغاز المنزلي دون تغيير عند سبعة دنانير.",
                ),
                (
                    "عمّان: أسطوانة الغاز ثابتة والبنزين يرتفع ٢٥ فلسا",
                    "قال الناطق باسم الحكومة في عمّان إن الخزينة ستواصل دعم الغاز المنزلي، فيما"
                    " ستنعكس الزيادة على أجور النقل العام بعد مراجعتها الأسبوع المقبل.",
                ),
            ],
        ],
    ),
    (
        "رياضات إلكترونية",
        [
            [
                (
                    "«ديزرت ستورم» السعودي بطلا لكأس العالم للرياضات الإلكترونية",
                    "توج فريق «ديزرت ستورم» السعودي بلقب منافسات لعبة «ليغ أوف ليجندز» في كأس"
                    " العالم للرياضات الإلكترونية بالرياض، بعد فوزه على فريق كوري جنوبي بثلاثة"
                    " أشواط مقابل اثنين.",
                ),
                (
                    "جائزة بثلاثة ملايين دولار لفريق سعودي في الرياض",
                    "حصد الفريق المحلي الجائزة الأولى البالغة 3 ملايين دولار في النهائي الذي تابعه"
                    " أكثر من 18 ألف متفرج في الصالة، إلى جانب الملايين عبر البث المباشر.",
                ),
                (
                    "لاعبو المملكة يهزمون الكوريين في نهائي مثير للألعاب الإلكترونية",
                    "حسم اللاعبون السعوديون الشوط الخامس الحاسم لصالحهم، وأهدى قائد الفريق اللقب"
                    " إلى الجماهير التي ملأت المدرجات في العاصمة السعودية.",
                ),
            ],
            [
                (
                    "المغربي أيوب الزياني بطلا للعالم في كرة القدم الإلكترونية",
                    "فاز اللاعب المغربي أيوب الزياني ببطولة العالم لألعاب كرة القدم الإلكترونية في"
                    " كوبنهاغن، بعد تغلبه على منافس برازيلي في النهائي.",
                ),
                (
                    "لاعب مغربي يحصد لقبا عالميا في كرة القدم الافتراضية بالدنمارك",
                    "حصل ابن مدينة طنجة البالغ 19 عاما على جائزة قدرها نصف مليون دولار، ليصبح أول"
                    " لاعب عربي يتوج بهذا اللقب.",
                ),
                (
                    "طنجاوي في التاسعة عشرة يهزم البرازيلي ويتوج في العاصمة الدنماركية",
                    "قلب الزياني تأخره في مباراة الذهاب إلى فوز بأربعة أهداف لهدفين في الإياب،"
                    " ليظفر بالكأس وبجائزة تبلغ خمسمئة ألف دولار.",
                ),
            ],
        ],
    ),
    (
        "سباقات الدراجات",
        [
            [
                (
                    "الإريتري ميرون تسفاي يفوز بمرحلة الجبل الأخضر في طواف عُمان",
                    "انتزع الدراج الإريتري ميرون تسفاي المرحلة الخامسة من طواف عُمان المنتهية على"
                    " قمة الجبل الأخضر، وظفر معها بقميص المتصدر في الترتيب العام.",
                ),
                (
                    "دراج إريتري يتصدر طواف السلطنة قبل المرحلة الختامية",
                    "تقدم تسفاي بفارق 18 ثانية على أقرب ملاحقيه بعد صعود شاق بطول 5.7 كيلومتر، قبل"
                    " المرحلة الأخيرة في مسقط الثلاثاء.",
                ),
                (
                    "صعود الجبل الأخضر يمنح ابن أسمرة قميص الصدارة",
                    "تفوق الدراج الإريتري على منافسيه في الكيلومتر الأخير من الصعود بمحافظة"
                    " الداخلية، ليدخل المرحلة الختامية متصدرا بفارق ثماني عشرة ثانية.",
                ),
            ],
            [
                (
                    "الرواندي إيريك مانيزابايو يتوج بطواف رواندا للدراجات",
                    "أحرز الدراج الرواندي إيريك مانيزابايو لقب طواف رواندا بعد المرحلة الثامنة"
                    " والأخيرة في كيغالي، ليصبح أول دراج محلي يفوز به منذ ست سنوات.",
                ),
                (
                    "لقب محلي في «بلد الألف تل» بعد غياب ست سنوات",
                    "أنهى مانيزابايو الطواف متقدما بدقيقة و12 ثانية على الإريتري صاحب المركز"
                    " الثاني، وسط آلاف المشجعين الذين اصطفوا على طريق الصعود الحجري في العاصمة.",
                ),
                (
                    "رئيس رواندا يسلم القميص الأصفر لبطل الطواف في كيغالي",
                    "احتفلت الجماهير في شوارع العاصمة الرواندية بفوز ابن منطقة موسانزي، الذي حسم"
                    " اللقب بفارق دقيقة و١٢ ثانية بعد ثماني مراحل.",
                ),
            ],
        ],
    ),
    (
        "عقوبات دولية",
        [
            [
                (
                    "واشنطن تفرض عقوبات على ثلاث شركات سودانية لتعدين الذهب",
                    "أعلنت وزارة الخزانة الأمريكية فرض عقوبات على ثلاث شركات سودانية تعمل في تعدين"
                    " الذهب وتصديره، قالت إنها تمول أطرافا في الحرب الدائرة بالسودان.",
                ),
                (
                    "الخزانة الأمريكية تجمد أصول شركات ذهب مرتبطة بحرب السودان",
                    "تشمل العقوبات تجميد أي أصول للشركات الثلاث في الولايات المتحدة ومنع التعامل"
                    " معها، وبينها شركة مقرها الخرطوم وأخرى مسجلة في دبي.",
                ),
                (
                    "الولايات المتحدة تستهدف تجارة الذهب السوداني بعقوبات جديدة",
                    "قال مسؤول في الخزانة إن الشركات المستهدفة هربت ذهبا بقيمة 200 مليون دولار عبر"
                    " دول مجاورة، مؤكدا أن واشنطن ستلاحق كل من يمول القتال.",
                ),
            ],
            [
                (
                    "الاتحاد الأوروبي يفرض عقوبات على ستة قادة عسكريين في السودان",
                    "أقر وزراء خارجية الاتحاد الأوروبي في بروكسل حظر سفر وتجميد أصول ستة قادة"
                    " عسكريين من طرفي النزاع في السودان، بسبب انتهاكات بحق المدنيين في دارفور.",
                ),
                (
                    "بروكسل تحظر سفر 6 مسؤولين سودانيين وتجمد أموالهم",
                    "قال مسؤول السياسة الخارجية في الاتحاد إن القائمة تضم ثلاثة ضباط من الجيش"
                    " وثلاثة من قوات الدعم السريع، متهمين بقصف أحياء سكنية في الفاشر ونيالا.",
                ),
                (
                    "عقوبات أوروبية جديدة على طرفي الحرب في السودان",
                    "يمنع القرار القادة الستة من دخول أراضي الدول الـ٢٧ في الاتحاد، ويجمد أي أرصدة"
                    " لهم في مصارفها، في أول حزمة عقوبات أوروبية من نوعها منذ عام.",
                ),
            ],
        ],
    ),
    (
        "زواج جماعي",
        [
            [
                (
                    "حفل زفاف جماعي لـ300 عريس وعروس في الخليل",
                    "احتفلت مدينة الخليل في الضفة الغربية بزفاف جماعي لثلاثمئة عريس وعروس، نظمته"
                    " جمعية خيرية محلية وتكفلت بجزء كبير من تكاليف الزواج.",
                ),
                (
                    "مئات الأزواج يحتفلون بزفافهم في ملعب مدينة خليل الرحمن",
                    "أقيم الحفل في الملعب البلدي وسط حضور آلاف من ذوي العرسان، وتضمن عروضا للدبكة"
                    " الشعبية وكلمة لمحافظ المدينة.",
                ),
                (
                    "جمعية خيرية فلسطينية تتكفل بزفاف ٣٠٠ شاب",
                    "قال رئيس الجمعية المنظمة إن كل عريس حصل على منحة قدرها ثلاثة آلاف دينار"
                    " أردني، لمساعدة الشباب على مواجهة غلاء المهور وتكاليف السكن في الضفة.",
                ),
            ],
            [
                (
                    "الموصل تحتفل بأكبر عرس جماعي منذ تحريرها",
                    "شهدت مدينة الموصل حفل زفاف جماعيا لـ150 عريسا وعروسا، أقيم في ساحة قرب جامع"
                    " النوري الكبير بتمويل من مؤسسة عراقية خيرية.",
                ),
                (
                    "مئة وخمسون زوجا في عرس جماعي بمركز محافظة نينوى",
                    "تكفلت المؤسسة المنظمة بتأثيث منازل العرسان وتقديم مبلغ مالي لكل زوج، وسط حضور"
                    " المحافظ وشخصيات دينية وعشائرية.",
                ),
                (
                    "«أم الربيعين» تزف ١٥٠ عريسا وعروسا في مدينتها القديمة",
                    "وصف محافظ نينوى الحفل بأنه رسالة على عودة الحياة إلى المدينة القديمة، بعد"
                    " سنوات من الدمار الذي خلفته الحرب.",
                ),
            ],
        ],
    ),
    (
        "صفقات أسلحة",
        [
            [
                (
                    "العراق يوقع صفقة مع كوريا الجنوبية لشراء 12 طائرة مقاتلة خفيفة",
                    "وقعت وزارة الدفاع العراقية في بغداد عقدا مع شركة كورية جنوبية لشراء اثنتي"
                    " عشرة طائرة مقاتلة خفيفة، بقيمة 1.3 مليار دولار.",
                ),
                (
                    "صفقة بـ١٫٣ مليار دولار لتعزيز سلاح الجو العراقي",
                    "قال المتحدث باسم القائد العام للقوات المسلحة إن الطائرات ستسلم على دفعتين"
                    " خلال ثلاث سنوات، وتشمل الصفقة تدريب الطيارين وقطع الغيار.",
                ),
                (
                    "بغداد تشتري مقاتلات كورية بعد تعثر صيانة أسطولها القديم",
                    "أوضح مسؤولون عراقيون أن الطائرات الاثنتي عشرة ستحل محل مقاتلات خرج معظمها من"
                    " الخدمة، وأن أول دفعة منها تصل إلى قاعدة بلد الجوية العام المقبل.",
                ),
            ],
            [
                (
                    "الكويت توقع عقدا لشراء منظومة دفاع جوي إيطالية بقيمة 900 مليون يورو",
                    "وقع وزير الدفاع الكويتي ونظيره الإيطالي في روما عقدا لتزويد الجيش الكويتي"
                    " بمنظومة دفاع جوي متوسطة المدى، تشمل ست بطاريات صواريخ ورادارات.",
                ),
                (
                    "روما تبيع الكويت ست بطاريات صواريخ في أكبر صفقة بين البلدين",
                    "قالت وزارة الدفاع الإيطالية إن تسليم المنظومة يبدأ بعد عامين، وإن العقد يتضمن"
                    " تدريب مئتي عسكري كويتي في إيطاليا.",
                ),
                (
                    "٩٠٠ مليون يورو لتحديث الدفاعات الجوية الكويتية",
                    "أكد رئيس الأركان العامة للجيش الكويتي أن الصفقة تعزز قدرة البلاد على حماية"
                    " منشآتها النفطية والحيوية من الطائرات المسيرة والصواريخ.",
                ),
            ],
        ],
    ),
    (
        "ألغام",
        [
            [
                (
                    "مقتل ثلاثة أطفال بانفجار لغم أرضي في تعز",
                    "قتل ثلاثة أطفال وأصيب رابع بجروح خطيرة، عندما انفجر بهم لغم أرضي أثناء رعيهم"
                    " الأغنام في منطقة جبلية غرب مدينة تعز اليمنية.",
                ),
                (
                    "لغم من مخلفات الحرب يقتل ثلاثة رعاة صغار جنوب غربي اليمن",
                    "قال مسؤول محلي إن الأطفال الذين تتراوح أعمارهم بين 9 و13 عاما كانوا يرعون"
                    " الماشية حين انفجر اللغم، وإن المصاب نقل إلى مستشفى الثورة.",
                ),
                (
                    "يونيسف تدين مقتل أطفال بلغم أرضي في المحافظة اليمنية المحاصرة",
                    "دعت منظمة الأمم المتحدة للطفولة إلى تكثيف عمليات نزع الألغام في تعز، بعد أن"
                    " قتل ثلاثة صغار وجرح رابع خلال رعي الأغنام.",
                ),
            ],
            [
                (
                    "مقتل خبيرين في نزع الألغام بانفجار جنوب طرابلس",
                    "قتل خبيران ليبيان في نزع الألغام وأصيب ثالث، إثر انفجار عبوة أثناء تطهير منزل"
                    " في منطقة عين زارة جنوب العاصمة الليبية طرابلس.",
                ),
                (
                    "ليبيا: انفجار لغم يودي بحياة عنصرين من فرق الهندسة العسكرية",
                    "أوضح المركز الليبي للأعمال المتعلقة بالألغام أن الفريق كان يزيل مخلفات حربية"
                    " من منازل عاد إليها سكانها، وأن المصاب في حالة مستقرة.",
                ),
                (
                    "حداد في عين زارة على ضحيتي الألغام",
                    "شيع المئات في الضاحية الجنوبية للعاصمة جثماني الخبيرين، وسط مطالبات بتوفير"
                    " معدات حماية أفضل لفرق إزالة الألغام في ليبيا.",
                ),
            ],
        ],
    ),
    (
        "تجسس",
        [
            [
                (
                    "تركيا تعتقل تسعة أشخاص بتهمة التجسس لصالح جهاز استخبارات أجنبي",
                    "أوقفت الشرطة التركية بالتنسيق مع جهاز الاستخبارات الوطني تسعة مشتبه بهم في"
                    " إسطنبول، بتهمة جمع معلومات عن لاجئين ومعارضين لصالح جهاز أجنبي.",
                ),
                (
                    "إسطنبول: تفكيك شبكة تجسس كانت تراقب معارضين أجانب",
                    "قالت النيابة العامة في إسطنبول إن الموقوفين تلقوا أموالا عبر العملات المشفرة"
                    " مقابل تصوير منازل وأماكن عمل أشخاص مستهدفين.",
                ),
                (
                    "الاستخبارات التركية تكشف خلية من ٩ أشخاص في كبرى مدن البلاد",
                    "أفادت وسائل إعلام تركية بأن المعتقلين، ومن بينهم محقق خاص، أحيلوا إلى المحكمة"
                    " التي أمرت بحبس سبعة منهم احتياطيا.",
                ),
            ],
            [
                (
                    "ألمانيا تعتقل رجلين بتهمة التجسس لصالح روسيا في بافاريا",
                    "اعتقلت الشرطة الألمانية رجلين يحملان الجنسيتين الألمانية والروسية في ولاية"
                    " بافاريا، للاشتباه في تجسسهما على قاعدة عسكرية يتدرب فيها جنود أوكرانيون.",
                ),
                (
                    "برلين تتهم موسكو بالتخطيط لعمليات تخريب بعد توقيف مشتبهين",
                    "قال المدعي العام الاتحادي إن الموقوفين صوروا منشآت عسكرية وخطوط سكك حديدية،"
                    " وإنهما كانا على اتصال بالاستخبارات الروسية منذ عامين.",
                ),
                (
                    "الخارجية الألمانية تستدعي السفير الروسي بسبب قضية تجسس",
                    "استدعت وزارة الخارجية في برلين السفير الروسي، غداة اعتقال رجلين في جنوب"
                    " البلاد يشتبه في أنهما جمعا معلومات عن قاعدة أمريكية يتدرب فيها جنود"
                    " أوكرانيون.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "blackouts",
        [
            [
                (
                    "Puerto Rico plunged into island-wide blackout after plant failure",
                    "All of Puerto Rico's 1.4 million electricity customers lost power on"
                    " Wednesday evening after a fault at the Aguirre power plant in Salinas"
                    " tripped the grid, the island's grid operator said.",
                ),
                (
                    "Power out across US territory as operator warns of days-long restoration",
                    "Hospitals in San Juan switched to generators and traffic lights went dark"
                    " across the Caribbean island, with officials saying full service could take"
                    " up to three days to restore.",
                ),
                (
                    "Governor orders probe into third island-wide outage in two years",
                    "Puerto Rico's governor said on Thursday she had ordered an independent"
                    " investigation into the failure at the Salinas plant, as about 60% of"
                    " customers still lacked electricity.",
                ),
            ],
            [
                (
                    "Sri Lanka suffers nationwide power cut after substation fire",
                    "Electricity was cut across Sri Lanka on Sunday morning after a fire at the"
                    " Biyagama grid substation east of Colombo, the Ceylon Electricity Board said.",
                ),
                (
                    "Colombo without power for eight hours as grid collapses",
                    "Shops shut and mobile networks faltered in Sri Lanka's main city as power"
                    " stayed off for about eight hours, before supply was restored in stages by"
                    " the evening.",
                ),
                (
                    "Energy minister blames ageing equipment for island's total blackout",
                    "The minister told parliament that a transformer fire near the commercial"
                    " capital had set off a cascade that shut down every power station in the"
                    " country within minutes.",
                ),
            ],
        ],
    ),
    (
        "piracy",
        [
            [
                (
                    "Armed robbers board tanker in Singapore Strait, steal engine spares",
                    "Five men armed with knives boarded the Panama-flagged tanker Sea Orchid as it"
                    " sailed east through the Singapore Strait early on Monday, the regional"
                    " anti-piracy centre ReCAAP said.",
                ),
                (
                    "Crew tied up as pirates raid vessel off Indonesia's Batam island",
                    "The robbers bound two crew members and escaped with engine parts after about"
                    " an hour on board, the report said, adding that none of the 22 sailors was"
                    " seriously hurt.",
                ),
                (
                    "Singapore navy hunts gang after latest ship boarding in busy waterway",
                    "The Republic of Singapore Navy said it had alerted Indonesian and Malaysian"
                    " authorities after the fifth boarding of a ship in the strait this month.",
                ),
            ],
            [
                (
                    "Gunmen kidnap four fishermen off Malaysia's Sabah coast",
                    "Armed men in a speedboat seized four Indonesian fishermen from a trawler off"
                    " Lahad Datu in the Malaysian state of Sabah late on Friday, police said.",
                ),
                (
                    "Sulu Sea abductions return as four crew taken from trawler",
                    "The kidnappers are believed to have fled toward the southern Philippines with"
                    " their captives, Malaysia's eastern Sabah security command said.",
                ),
                (
                    "Jakarta urges Kuala Lumpur and Manila to find abducted sailors",
                    "Indonesia's foreign ministry said it was in contact with both governments to"
                    " secure the release of the four citizens snatched from a fishing boat in"
                    " Malaysian waters.",
                ),
            ],
        ],
    ),
    (
        "swimming",
        [
            [
                (
                    "Australian Mia Hartley breaks 200m backstroke world record at trials",
                    "Mia Hartley, 19, broke the women's 200m backstroke world record at the"
                    " Australian swimming trials in Brisbane on Tuesday night, touching in"
                    " 2:02.48.",
                ),
                (
                    "Teenager smashes world mark in Brisbane pool",
                    "The Queenslander took almost four tenths of a second off the old record in"
                    " front of a home crowd, securing her place on the team for the world"
                    " championships.",
                ),
                (
                    "Hartley's record swim lights up Australian selection meet",
                    "The teenager said she had not expected to go under two minutes three seconds"
                    " at the national trials, calling the world record 'a bonus' before next"
                    " month's worlds.",
                ),
            ],
            [
                (
                    "China's Zhou Lei breaks 100m breaststroke world record",
                    "Zhou Lei lowered the men's 100m breaststroke world record to 56.61 seconds at"
                    " the Chinese National Games in Hangzhou on Sunday.",
                ),
                (
                    "Chinese swimmer sets world mark at National Games in Hangzhou",
                    "The 22-year-old from Zhejiang province improved the previous record by eight"
                    " hundredths of a second, cheered on by a capacity crowd at the host city's"
                    " aquatics centre.",
                ),
                (
                    "New breaststroke record for Zhou in front of home crowd",
                    "Zhou, who won silver at the last Olympics, said he had been aiming for the"
                    " record all season and dedicated it to his late grandfather.",
                ),
            ],
        ],
    ),
    (
        "prisoner swaps",
        [
            [
                (
                    "Armenia and Azerbaijan swap prisoners in goodwill gesture",
                    "Armenia released two Azerbaijani soldiers and Azerbaijan freed 32 Armenian"
                    " servicemen on Thursday, in an exchange carried out at the border ahead of"
                    " peace talks.",
                ),
                (
                    "Baku frees 32 Armenian troops, Yerevan returns two soldiers",
                    "The handover took place on the frontier between the two countries, officials"
                    " said, describing it as a step towards normalising relations after decades of"
                    " conflict.",
                ),
                (
                    "Armenian PM welcomes freed soldiers home after exchange with Azerbaijan",
                    "The Armenian prime minister greeted the thirty-two men at Yerevan's airport,"
                    " saying the swap showed both sides were serious about a lasting peace deal.",
                ),
            ],
            [
                (
                    "Venezuela frees five Americans in exchange for two jailed nationals",
                    "Five US citizens held in Venezuela were flown out of Caracas on Wednesday in"
                    " return for two Venezuelans serving drug sentences in Florida, in a deal"
                    " brokered by Qatar.",
                ),
                (
                    "Freed Americans land in Texas after swap with Caracas",
                    "The five men, including two former oil executives, arrived at a military base"
                    " in San Antonio, where relatives were waiting, the White House said.",
                ),
                (
                    "Venezuela's president hails return of two citizens in prisoner exchange",
                    "Venezuela's president said the two nationals freed from Florida prisons were"
                    " victims of persecution, and thanked Doha for its mediation.",
                ),
            ],
        ],
    ),
    (
        "fuel prices",
        [
            [
                (
                    "Nigeria's state oil firm raises petrol price by 22%",
                    "NNPC raised the pump price of petrol at its Lagos stations to 1,030 naira a"
                    " litre from 845 naira on Tuesday, the second increase in three months.",
                ),
                (
                    "Long queues in Lagos as fuel jumps past 1,000 naira a litre",
                    "Motorists in Nigeria's commercial capital rushed to fill up before other"
                    " marketers adjusted their prices, while commercial bus drivers raised fares.",
                ),
                (
                    "Nigerian unions threaten strike over petrol price hike",
                    "The Nigeria Labour Congress gave the government seven days to reverse the"
                    " increase in the price of petrol, which rose by about a fifth at the state"
                    " oil company's outlets.",
                ),
            ],
            [
                (
                    "Kenya raises petrol price to record high in monthly review",
                    "Kenya's Energy and Petroleum Regulatory Authority raised the price of petrol"
                    " in Nairobi by 9 shillings to 226.50 shillings a litre in its monthly review.",
                ),
                (
                    "Kenyan motorists face record pump prices from Saturday",
                    "Diesel will rise by seven shillings and kerosene by five, the regulator said,"
                    " blaming a weaker shilling and higher import costs.",
                ),
                (
                    "Matatu operators in Nairobi raise fares after fuel increase",
                    "Minibus owners in the Kenyan capital said fares would go up by about 20"
                    " shillings on most routes after petrol hit a record of more than 226"
                    " shillings a litre.",
                ),
            ],
        ],
    ),
    (
        "esports",
        [
            [
                (
                    "Philippine team Manila Tide wins Mobile Legends world title",
                    "Manila Tide beat Indonesia's Garuda Five 4-2 in the final of the Mobile"
                    " Legends world championship in Jakarta on Sunday to take the $300,000 top"
                    " prize.",
                ),
                (
                    "Filipinos beat hosts Indonesia in esports world final",
                    "The Manila-based side silenced a crowd of about 15,000 at the Indonesia"
                    " Arena, winning the last two games of the best-of-seven series.",
                ),
                (
                    "Esports champions to get heroes' welcome back home",
                    "The Philippine president congratulated the five-player squad, which will"
                    " return home on Tuesday with the trophy and a cheque for three hundred"
                    " thousand dollars.",
                ),
            ],
            [
                (
                    "South Korea's Seoul Phantoms win League of Legends world championship",
                    "Seoul Phantoms beat China's Chengdu Blaze 3-1 in the League of Legends World"
                    " Championship final at London's O2 arena on Saturday.",
                ),
                (
                    "Korean side lift esports' biggest trophy in London",
                    "The Seoul team ended China's two-year hold on the title, with their"
                    " 19-year-old jungler named most valuable player of the final in the British"
                    " capital.",
                ),
                (
                    "Phantoms dethrone Chinese champions before sell-out O2 crowd",
                    "About 20,000 fans watched the Koreans take the series three games to one, in"
                    " a final that organisers said drew more than five million viewers online.",
                ),
            ],
        ],
    ),
    (
        "cycling",
        [
            [
                (
                    "Colombian Julián Rendón wins Tour de France stage atop Alpe d'Huez",
                    "Julián Rendón of Colombia won the 17th stage of the Tour de France on"
                    " Wednesday, attacking with four kilometres left on the climb to Alpe d'Huez.",
                ),
                (
                    "Rendón conquers the 21 hairpins as yellow jersey holds firm",
                    "The 25-year-old Colombian crossed the line 31 seconds ahead of the"
                    " favourites, while the race leader kept his overall advantage in the Alps.",
                ),
                (
                    "Bogotá celebrates as Colombian climber takes Alpine stage win",
                    "Fans gathered in the Colombian capital to watch the stage, the country's"
                    " first win at the Tour this year, which Rendón dedicated to his mother.",
                ),
            ],
            [
                (
                    "Spain's Álvaro Mendía wins brutal Angliru stage at the Vuelta",
                    "Álvaro Mendía won stage 15 of the Vuelta a España on Sunday at the summit of"
                    " the Angliru in Asturias, moving up to second place overall.",
                ),
                (
                    "Home rider takes the Vuelta's steepest finish",
                    "The 27-year-old Spaniard rode clear on the 23% ramps near the top of the"
                    " Asturian climb and finished 22 seconds ahead of the race leader.",
                ),
                (
                    "Mendía climbs into second overall after Angliru victory",
                    "The win on Spain's most feared climb leaves Mendía 48 seconds behind the red"
                    " jersey with one week of the Vuelta to go.",
                ),
            ],
        ],
    ),
    (
        "sanctions",
        [
            [
                (
                    "UK sanctions 20 more tankers in Russia's shadow fleet",
                    "Britain on Monday imposed sanctions on 20 oil tankers it said were part of a"
                    " shadow fleet helping Russia export crude above Western price caps.",
                ),
                (
                    "London targets ageing oil ships ferrying Russian crude",
                    "The vessels, most more than 15 years old and registered in Gabon, Comoros and"
                    " Panama, will be barred from British ports and services, the Foreign Office"
                    " said.",
                ),
                (
                    "Britain adds twenty vessels to Russia blacklist",
                    "The foreign secretary said the move brought the number of shadow fleet ships"
                    " under UK sanctions to more than 120, and urged allies to follow.",
                ),
            ],
            [
                (
                    "EU imposes sanctions on Myanmar jet fuel suppliers",
                    "The European Union froze the assets of three companies and four individuals"
                    " accused of supplying aviation fuel to Myanmar's military, which it says uses"
                    " air strikes against civilians.",
                ),
                (
                    "Brussels blacklists firms over fuel for Myanmar air force",
                    "EU foreign ministers meeting in Brussels agreed the measures, which also bar"
                    " the four individuals from travelling to the bloc's 27 member states.",
                ),
                (
                    "Europe targets junta's fuel supply chain in new sanctions",
                    "The seven new listings take aim at shipping and storage companies in Yangon"
                    " that handle jet fuel for the military, the bloc's foreign policy chief said.",
                ),
            ],
        ],
    ),
    (
        "espionage",
        [
            [
                (
                    "Philippines arrests Chinese national over alleged spying near naval base",
                    "Philippine agents arrested a Chinese man in Subic on Tuesday, accusing him of"
                    " using drones and hidden cameras to monitor ships at the former US naval"
                    " base.",
                ),
                (
                    "Suspect found with drones near Subic Bay, Manila says",
                    "The National Bureau of Investigation said the 39-year-old had rented a house"
                    " overlooking the bay and was found with four drones and detailed logs of ship"
                    " movements.",
                ),
                (
                    "Beijing urges Manila to protect rights of detained citizen",
                    "China's foreign ministry said it was seeking consular access to the man held"
                    " in the Philippines and warned against 'hyping' the case.",
                ),
            ],
            [
                (
                    "Estonia arrests university lecturer accused of spying for Russia",
                    "Estonia's Internal Security Service arrested a lecturer at a university in"
                    " Tartu on suspicion of passing information about NATO troops to Russian"
                    " military intelligence.",
                ),
                (
                    "Tartu academic detained on suspicion of working for Moscow",
                    "Prosecutors said the 56-year-old had been recruited during visits to Russia"
                    " and was paid several thousand euros for reports on allied deployments.",
                ),
                (
                    "Tallinn says spy suspect reported on NATO troops in Estonia",
                    "Estonia's interior minister said the arrest of the lecturer showed Russia was"
                    " stepping up efforts to gather information on allied forces in the Baltic"
                    " states.",
                ),
            ],
        ],
    ),
    (
        "investment fraud",
        [
            [
                (
                    "South African police arrest founder of alleged R1.2bn Ponzi scheme",
                    "Police in Johannesburg arrested the founder of Bluecrest Capital on Thursday,"
                    " accusing him of running a Ponzi scheme that took about 1.2 billion rand from"
                    " 17,000 investors.",
                ),
                (
                    "Thousands of investors fear losses as Bluecrest boss held",
                    "Investors who were promised monthly returns of 10% have not been paid since"
                    " March, the Hawks said, adding that more arrests were expected.",
                ),
                (
                    "Hawks swoop on Sandton offices in R1.2 billion fraud probe",
                    "Officers from South Africa's elite crime-fighting unit seized computers and"
                    " luxury cars from the firm's offices in Johannesburg's business district.",
                ),
            ],
            [
                (
                    "Brazil police raid crypto firm accused of $400m pyramid scheme",
                    "Brazilian federal police raided offices of crypto investment firm Orbita Coin"
                    " in São Paulo and Curitiba on Tuesday, accusing it of defrauding about 60,000"
                    " investors.",
                ),
                (
                    "Brazilian crypto scheme promised 8% a month, prosecutors say",
                    "The firm collected about 2 billion reais, roughly $400m, from savers across"
                    " Brazil before halting withdrawals in August, investigators said.",
                ),
                (
                    "Founder of São Paulo crypto firm held as thousands seek refunds",
                    "The company's founder was detained at his home in São Paulo, while a court"
                    " froze the accounts of eleven people linked to the scheme.",
                ),
            ],
        ],
    ),
    (
        "cricket",
        [
            [
                (
                    "Afghanistan stun Australia by 45 runs in Sharjah ODI",
                    "Afghanistan beat Australia by 45 runs in the first one-day international in"
                    " Sharjah on Friday, with leg-spinner Noor Wardak taking five wickets for 28"
                    " runs.",
                ),
                (
                    "Wardak's five-for sinks Aussies in the UAE",
                    "Chasing 262, Australia were bowled out for 216 in the 46th over as the"
                    " 21-year-old spinner ripped through the middle order.",
                ),
                (
                    "Historic win for Afghans over world champions",
                    "Afghanistan's captain said beating Australia in a series opener in the United"
                    " Arab Emirates was a dream result for a team that cannot play at home.",
                ),
            ],
            [
                (
                    "Ireland beat Pakistan by six wickets in Dublin T20",
                    "Ireland chased down 183 with two balls to spare to beat Pakistan by six"
                    " wickets in the first Twenty20 international at Malahide on Sunday.",
                ),
                (
                    "Irish stun Pakistan with last-over win at Malahide",
                    "Opener Conor Dempsey hit 77 from 48 balls as the hosts reached their target"
                    " in the final over of the match on the outskirts of the Irish capital.",
                ),
                (
                    "Pakistan captain blames bowlers after Ireland upset",
                    "Pakistan's skipper said his side had given away too many runs at the death in"
                    " their six-wicket defeat in Dublin.",
                ),
            ],
        ],
    ),
    (
        "state funerals",
        [
            [
                (
                    "Ghana holds state funeral for former president Kwame Asante-Boateng",
                    "Thousands of mourners gathered at Accra's Independence Square on Saturday for"
                    " the state funeral of former president Kwame Asante-Boateng, who died last"
                    " month aged 86.",
                ),
                (
                    "African leaders join mourners in Accra for ex-president's funeral",
                    "Seven heads of state attended the service in the Ghanaian capital, where the"
                    " former leader's coffin was draped in the national flag and carried by"
                    " soldiers.",
                ),
                (
                    "Ghanaians bid farewell to leader who oversaw return to democracy",
                    "The former head of state, who ruled in the 1990s, will be buried in his home"
                    " town of Kumasi on Sunday after the ceremony in the capital.",
                ),
            ],
            [
                (
                    "Portugal bids farewell to former prime minister in Lisbon state funeral",
                    "Portugal held a state funeral in Lisbon on Monday for former prime minister"
                    " Manuel Carvalho Reis, who led the country for eight years and died last week"
                    " at 91.",
                ),
                (
                    "Crowds line streets of Lisbon for ex-PM's funeral procession",
                    "The coffin was carried from parliament to the Jerónimos Monastery, where the"
                    " Portuguese president and several European leaders attended the service.",
                ),
                (
                    "Three days of national mourning end with funeral at Jerónimos",
                    "Carvalho Reis, who took Portugal into the euro, was buried after a Mass at"
                    " the monastery in the capital's Belém district.",
                ),
            ],
        ],
    ),
    (
        "bomb scares",
        [
            [
                (
                    "Paris Gare du Nord evacuated over suspicious package",
                    "Police evacuated Gare du Nord in Paris for nearly three hours on Friday after"
                    " an abandoned suitcase was found near the Eurostar terminal, disrupting"
                    " trains to London and Brussels.",
                ),
                (
                    "Eurostar trains delayed as bomb squad checks bag at Paris station",
                    "The suitcase turned out to contain only clothes, France's SNCF rail operator"
                    " said, but thousands of passengers were stranded at Europe's busiest station.",
                ),
                (
                    "Thousands stranded in French capital after station security alert",
                    "Services resumed in the afternoon after bomb disposal officers destroyed the"
                    " bag, with some Eurostar departures to London cancelled.",
                ),
            ],
            [
                (
                    "Bomb threat forces evacuation of Bogotá's El Dorado airport terminal",
                    "Colombian authorities evacuated part of El Dorado international airport in"
                    " Bogotá on Tuesday after a phone call warned of an explosive device on an"
                    " Avianca flight.",
                ),
                (
                    "Flights delayed in Colombia after hoax bomb call",
                    "Police said no explosives were found on the plane or in the terminal, and"
                    " that they had traced the call to a prison in the city of Cali.",
                ),
                (
                    "Avianca plane searched in Colombian capital after threat",
                    "About 180 passengers were taken off the Miami-bound aircraft and several"
                    " departures were held for up to four hours while sniffer dogs searched the"
                    " airport.",
                ),
            ],
        ],
    ),
    (
        "mountaineering",
        [
            [
                (
                    "Nepali sherpa Pasang Tenzing reaches Everest summit for record 32nd time",
                    "Pasang Tenzing Sherpa, 55, reached the top of Mount Everest on Wednesday"
                    " morning for the 32nd time, extending his own record, Nepal's tourism"
                    " department said.",
                ),
                (
                    "Veteran guide extends his own record on the world's highest peak",
                    "The climber from the Solukhumbu district was guiding a team of foreign"
                    " clients when he reached the 8,849-metre summit, expedition organisers in"
                    " Kathmandu said.",
                ),
                (
                    "Thirty-two times on top of the world for Nepal's record-holder",
                    "Officials in Kathmandu said Pasang, who first stood on the summit in 1994,"
                    " planned to climb Everest again next spring with another expedition.",
                ),
            ],
            [
                (
                    "Ayesha Raza is first Pakistani woman to climb K2 without oxygen",
                    "Ayesha Raza reached the 8,611-metre summit of K2 on Monday without bottled"
                    " oxygen, the first Pakistani woman to do so, the Alpine Club of Pakistan"
                    " said.",
                ),
                (
                    "Climber from Hunza makes history on world's second-highest peak",
                    "The 34-year-old from the Hunza valley reached the top after a 16-hour push"
                    " from the last camp, her expedition company in Islamabad said.",
                ),
                (
                    "Pakistan celebrates as K2 climber returns safely to base camp",
                    "The prime minister congratulated Raza after she descended safely on Tuesday,"
                    " calling her summit of the mountain without oxygen a proud moment for the"
                    " country.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
