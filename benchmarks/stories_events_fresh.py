"""A second, fresh set of events for the story evaluation (written for Newsreader).

Written after the detector's threshold was chosen, on topics the first set
(``stories_events.py``) does not have, and never used to tune anything: it is the
held-out test of ``stories_holdout.py``.  Same shape as the first set: each topic
has two invented events of the same kind, each told three ways, so the pairs are
three tellings of one event, four cross pairs of the two events (hard negatives)
and a few unrelated pairs.  Run this module to write the labelled pairs::

    python benchmarks/stories_events_fresh.py > benchmarks/stories_eval_fresh.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "طاقة",
        [
            [
                (
                    "تشغيل أول محطة رياح في ولاية ظفار بقدرة 50 ميغاواط",
                    "بدأت محطة الرياح في ظفار ضخ الكهرباء إلى الشبكة بقدرة 50 ميغاواط، وهي الأولى من نوعها في السلطنة.",
                ),
                (
                    "توربينات ظفار تدخل الخدمة وتغذي آلاف المنازل",
                    "دخلت توربينات الرياح المقامة في ظفار الخدمة رسميا، وقالت الشركة المشغلة إنها تكفي حاجة آلاف البيوت.",
                ),
                (
                    "50 ميغاواط من الرياح: ظفار تبدأ عصر الطاقة النظيفة",
                    "يرى خبراء أن تشغيل محطة ظفار بطاقة 50 ميغاواط خطوة أولى نحو تنويع مصادر الكهرباء في عمان.",
                ),
            ],
            [
                (
                    "انقطاع واسع للكهرباء في البصرة بسبب عطل في خط نقل رئيسي",
                    "انقطع التيار الكهربائي عن معظم أحياء البصرة مساء الأحد إثر عطل في خط نقل بجهد 400 كيلوفولت.",
                ),
                (
                    "ظلام في البصرة وفرق الصيانة تعمل على إصلاح خط الـ400",
                    "تعمل فرق وزارة الكهرباء على إصلاح الخط المعطل الذي تسبب في إطفاء أحياء البصرة ليلة الأحد.",
                ),
                (
                    "عودة التيار تدريجيا إلى البصرة بعد ساعات من الانقطاع",
                    "أعلنت وزارة الكهرباء عودة التيار إلى أغلب مناطق البصرة بعد إصلاح العطل في خط النقل الرئيسي.",
                ),
            ],
        ],
    ),
    (
        "زراعة",
        [
            [
                (
                    "الجراد الصحراوي يغزو مزارع القصيم ووزارة البيئة تبدأ الرش",
                    "رصدت فرق المكافحة أسرابا من الجراد الصحراوي في مزارع القصيم، وبدأت الرش الجوي صباح الاثنين.",
                ),
                (
                    "أسراب جراد فوق بريدة والمزارعون يخشون على محاصيل القمح",
                    "عبر مزارعون في بريدة عن قلقهم على حقول القمح بعد وصول أسراب الجراد إلى المنطقة.",
                ),
                (
                    "مكافحة الجراد في القصيم: رش 12 ألف هكتار حتى الآن",
                    "قالت وزارة البيئة إن فرقها رشت 12 ألف هكتار في القصيم لوقف زحف الجراد الصحراوي.",
                ),
            ],
            [
                (
                    "موسم قياسي للتمور في الأحساء وأسعار الخلاص تتراجع",
                    "سجلت الأحساء إنتاجا قياسيا من التمور هذا الموسم، ما أدى إلى تراجع أسعار صنف الخلاص في المزاد.",
                ),
                (
                    "مزاد التمور في الأحساء يغص بالعرض والخلاص بأرخص سعر منذ سنوات",
                    "امتلأ مزاد الأحساء بكميات كبيرة من التمور، وبيع الخلاص بأدنى سعر منذ خمس سنوات.",
                ),
                (
                    "فائض التمور يدفع مزارعي الأحساء إلى البحث عن أسواق خارجية",
                    "يسعى مزارعو الأحساء إلى تصدير فائض محصولهم القياسي من التمور بعد انخفاض الأسعار محليا.",
                ),
            ],
        ],
    ),
    (
        "تعليم",
        [
            [
                (
                    "وزارة التربية الأردنية تؤجل امتحانات التوجيهي أسبوعا بسبب العاصفة",
                    "قررت وزارة التربية في الأردن تأجيل امتحانات التوجيهي أسبوعا كاملا بسبب العاصفة الثلجية المتوقعة.",
                ),
                (
                    "طلاب التوجيهي في الأردن أمام موعد جديد للامتحانات",
                    "أعلنت الوزارة موعدا جديدا لامتحانات التوجيهي بعد تأجيلها، مراعاة لسلامة الطلاب في أثناء العاصفة.",
                ),
                (
                    "الثلوج تؤخر التوجيهي: ارتياح بين الطلاب وقلق لدى الأهالي",
                    "رحب طلاب بتأجيل امتحانات التوجيهي بسبب الثلوج، فيما عبر أولياء أمور عن قلقهم من طول فترة الانتظار.",
                ),
            ],
            [
                (
                    "افتتاح جامعة تقنية جديدة في الزرقاء تستقبل 3000 طالب",
                    "افتتحت في الزرقاء جامعة تقنية جديدة تستوعب 3000 طالب في تخصصات الهندسة والبرمجة.",
                ),
                (
                    "الزرقاء تحصل على أول جامعة تقنية وتخصصات في الذكاء الاصطناعي",
                    "تضم الجامعة التقنية الجديدة في الزرقاء كليات للهندسة وتخصصات في الذكاء الاصطناعي والبرمجة.",
                ),
                (
                    "3000 مقعد جامعي جديد في الزرقاء مع بدء التسجيل",
                    "بدأ التسجيل في جامعة الزرقاء التقنية التي توفر 3000 مقعد في عامها الأول.",
                ),
            ],
        ],
    ),
    (
        "سياحة",
        [
            [
                (
                    "البتراء تستقبل زائرها المليون لهذا العام للمرة الأولى منذ عقد",
                    "احتفلت سلطة إقليم البتراء باستقبال الزائر رقم مليون هذا العام، وهو رقم لم يتحقق منذ عشر سنوات.",
                ),
                (
                    "مليون سائح في البتراء: المدينة الوردية تستعيد بريقها",
                    "عادت المدينة الوردية إلى أرقامها القديمة بعد أن تجاوز عدد زوارها مليون سائح منذ مطلع العام.",
                ),
                (
                    "فنادق وادي موسى ممتلئة مع وصول زوار البتراء إلى رقم قياسي",
                    "قال أصحاب فنادق في وادي موسى إن نسب الإشغال بلغت ذروتها مع تجاوز زوار البتراء المليون.",
                ),
            ],
            [
                (
                    "إغلاق قلعة صلاح الدين في القاهرة مؤقتا لأعمال الترميم",
                    "أعلنت وزارة السياحة والآثار إغلاق قلعة صلاح الدين أمام الزوار ثلاثة أشهر لترميم أسوارها.",
                ),
                (
                    "قلعة القاهرة بلا زوار حتى الربيع بسبب الترميم",
                    "لن يتمكن السياح من زيارة القلعة في القاهرة حتى الربيع المقبل بسبب أعمال ترميم الأسوار والأبراج.",
                ),
                (
                    "ترميم أسوار قلعة صلاح الدين يبدأ وسط إجراءات لحماية الموقع",
                    "بدأت أعمال ترميم أسوار القلعة بمشاركة خبراء آثار، مع إغلاق الموقع أمام الزوار.",
                ),
            ],
        ],
    ),
    (
        "بيئة",
        [
            [
                (
                    "نفوق آلاف الأسماك في بحيرة قارون والسلطات تفحص المياه",
                    "عثر صيادون على آلاف الأسماك النافقة على شواطئ بحيرة قارون في الفيوم، وأخذت السلطات عينات من المياه.",
                ),
                (
                    "الفيوم: صيادو قارون يطالبون بتفسير لموت الأسماك",
                    "طالب صيادو بحيرة قارون بتفسير عاجل لنفوق الأسماك الذي حرمهم من مصدر رزقهم هذا الأسبوع.",
                ),
                (
                    "نتائج أولية: ملوحة مرتفعة وراء نفوق أسماك قارون",
                    "أظهرت تحاليل أولية أن ارتفاع الملوحة ونقص الأكسجين وراء نفوق الأسماك في بحيرة قارون.",
                ),
            ],
            [
                (
                    "حملة لزراعة مليون شجرة مانغروف على سواحل ينبع",
                    "أطلقت هيئة البيئة حملة لزراعة مليون شتلة مانغروف على ساحل ينبع خلال ثلاث سنوات.",
                ),
                (
                    "متطوعون يزرعون أولى شتلات المانغروف في ينبع",
                    "شارك مئات المتطوعين في غرس أولى شتلات المانغروف على شاطئ ينبع ضمن حملة المليون شجرة.",
                ),
                (
                    "غابات المانغروف تعود إلى ساحل ينبع لحماية الشعاب",
                    "يأمل علماء أن تحمي أشجار المانغروف المزروعة في ينبع الشعاب المرجانية وتوفر مأوى للأسماك.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "aviation",
        [
            [
                (
                    "Icelandic airline grounds six jets after engine blade cracks found",
                    "A carrier based in Reykjavik took six of its narrow-body jets out of service after"
                    " inspectors found cracked blades in two engines.",
                ),
                (
                    "Reykjavik flights cancelled as carrier checks engines",
                    "Travellers at Keflavik faced dozens of cancellations on Thursday while the"
                    " airline inspected the engines of part of its fleet.",
                ),
                (
                    "Engine cracks: what the Icelandic grounding means for winter routes",
                    "The grounding of six aircraft could cut the airline's winter schedule to"
                    " North America, analysts said.",
                ),
            ],
            [
                (
                    "Lisbon airport opens second runway after eight years of works",
                    "Lisbon's airport began using its long-awaited second runway on Monday, raising"
                    " capacity to 72 movements an hour.",
                ),
                (
                    "First jets land on new Lisbon runway",
                    "A flight from Madeira was the first to touch down on the new runway at Lisbon,"
                    " which airport managers say will end chronic delays.",
                ),
                (
                    "Portugal's capital gets the runway it waited eight years for",
                    "Residents near the Lisbon airfield worry about noise as the second runway finally"
                    " opens to traffic.",
                ),
            ],
        ],
    ),
    (
        "technology",
        [
            [
                (
                    "Estonia moves its state archives onto a sovereign cloud",
                    "The Estonian government finished moving its national archives to a cloud run in"
                    " its own data centres near Tartu.",
                ),
                (
                    "Tartu data centres now hold Estonia's national records",
                    "Millions of digitised records from the Estonian archives are now stored in state"
                    " data centres outside Tartu, officials said.",
                ),
                (
                    "Why Estonia built its own cloud for its archives",
                    "Tallinn wanted its national records out of foreign hands after a 2025 outage,"
                    " the minister in charge explained.",
                ),
            ],
            [
                (
                    "Kenyan start-up raises $40m for solar-powered cold storage",
                    "A Nairobi company that rents solar fridges to farmers and fishers raised"
                    " $40 million from investors led by a Dutch fund.",
                ),
                (
                    "Solar fridges for farmers: Nairobi firm lands $40 million",
                    "The Kenyan firm plans to put its solar cold rooms in 600 markets across"
                    " East Africa with the new money.",
                ),
                (
                    "Investors back Kenya's cold-chain start-up in big funding round",
                    "Dutch and Kenyan backers bet $40m that cheap solar refrigeration will cut"
                    " food waste in East African markets.",
                ),
            ],
        ],
    ),
    (
        "agriculture",
        [
            [
                (
                    "Frost wipes out half of Burgundy's early grape buds",
                    "Two nights of frost destroyed about half of the early buds in Burgundy's"
                    " vineyards, growers' unions estimated.",
                ),
                (
                    "Burgundy winemakers light candles in vineyards as temperatures plunge",
                    "Growers near Beaune set thousands of candles between the vines overnight to"
                    " fight the frost, with mixed success.",
                ),
                (
                    "After the frost, Burgundy counts its losses",
                    "Wine producers in Burgundy say this spring's frost could halve the coming"
                    " harvest in the worst-hit villages.",
                ),
            ],
            [
                (
                    "Punjab farmers begin record wheat harvest",
                    "Farmers in India's Punjab started cutting what officials expect to be the"
                    " largest wheat crop on record, near 18 million tonnes.",
                ),
                (
                    "Combines roll across Punjab as bumper wheat crop ripens",
                    "Harvesters were at work across Punjab this week, with state buyers ready to"
                    " take in a crop estimated at 18 million tonnes.",
                ),
                (
                    "A record Punjab wheat crop tests India's storage",
                    "Warehouses may struggle to hold Punjab's 18-million-tonne wheat harvest,"
                    " grain traders warned.",
                ),
            ],
        ],
    ),
    (
        "wildlife",
        [
            [
                (
                    "Rare Amur leopard cubs caught on camera in Russian park",
                    "Camera traps in the Land of the Leopard park near Vladivostok filmed a female"
                    " Amur leopard with three cubs.",
                ),
                (
                    "Three cubs give hope to world's rarest big cat",
                    "Rangers near Vladivostok were delighted by footage of a leopard mother leading"
                    " three cubs through the snow.",
                ),
                (
                    "Amur leopard numbers climb as park films new litter",
                    "The latest litter brings the Amur leopard population in the Russian park to"
                    " about 130, scientists said.",
                ),
            ],
            [
                (
                    "Pod of 40 pilot whales stranded on New Zealand beach",
                    "About 40 pilot whales beached themselves at Farewell Spit at the top of"
                    " New Zealand's South Island on Saturday.",
                ),
                (
                    "Volunteers race to refloat whales at Farewell Spit",
                    "Hundreds of volunteers kept stranded pilot whales wet at Farewell Spit until"
                    " the evening tide.",
                ),
                (
                    "Most of the Farewell Spit whales swim free on high tide",
                    "Conservation staff said 31 of the 40 stranded pilot whales were refloated and"
                    " swam out to sea overnight.",
                ),
            ],
        ],
    ),
    (
        "retail",
        [
            [
                (
                    "Dutch supermarket chain to close 60 stores in Belgium",
                    "A Dutch grocer will shut 60 of its Belgian supermarkets by June, putting about"
                    " 2,400 jobs at risk, unions were told.",
                ),
                (
                    "Belgian unions call strike over supermarket closures",
                    "Unions representing staff at the Dutch-owned chain called a 24-hour strike"
                    " after it announced 60 store closures in Belgium.",
                ),
                (
                    "2,400 Belgian jobs at risk as grocer retreats",
                    "The closure of 60 shops would be the biggest retreat by a foreign supermarket"
                    " from Belgium in a decade.",
                ),
            ],
            [
                (
                    "Tokyo department store Hoshikawa marks 100 years in Ginza",
                    "Crowds filled the Ginza store on Sunday as it celebrated a century at its"
                    " address with a sale and a rooftop festival.",
                ),
                (
                    "Century-old Ginza store throws rooftop party",
                    "Shoppers queued from dawn for the hundredth anniversary of the department store,"
                    " which opened its roof to a festival.",
                ),
                (
                    "How a Ginza department store survived 100 years",
                    "Fires, war and online shopping could not close the Ginza store, which turned"
                    " 100 on Sunday.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
