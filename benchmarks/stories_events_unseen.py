"""A third set of events for the story evaluation, written after the join was frozen.

Written for Newsreader once the grouping rule (the threshold, the mean test over a
story's members, the weight of a shared figure) was chosen on the first two sets,
and never used to tune anything: the clean test of that rule.  Topics that neither
``stories_events.py`` nor ``stories_events_fresh.py`` has; each topic has two
invented events of the same kind (the hard negatives: same topic, another event),
each told three ways in other words (the hard positives).  Run this module to write
the labelled pairs::

    python benchmarks/stories_events_unseen.py > benchmarks/stories_eval_unseen.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_events import Topics, write_set

ARABIC: Topics = [
    (
        "نقل",
        [
            [
                (
                    "افتتاح الخط الثاني لمترو الرياض أمام الركاب",
                    "بدأ الخط الثاني من مترو الرياض استقبال الركاب صباح الأحد بعد سنوات من الأشغال.",
                ),
                (
                    "الركاب يجربون قطارات المسار الأزرق في العاصمة السعودية",
                    "توافد سكان الرياض على محطات المسار الأزرق في أول أيام تشغيله التجاري.",
                ),
                (
                    "هيئة النقل: 40 ألف رحلة على مترو الرياض في اليوم الأول",
                    "قالت هيئة النقل إن الخط الجديد لمترو الرياض نقل نحو 40 ألف راكب يوم افتتاحه.",
                ),
            ],
            [
                (
                    "إضراب سائقي الحافلات يشل حركة النقل في الدار البيضاء",
                    "توقفت حافلات النقل الحضري في الدار البيضاء بعد إضراب السائقين احتجاجا على تأخر الأجور.",
                ),
                (
                    "طوابير طويلة في محطات البيضاء بعد توقف الحافلات",
                    "اصطف المسافرون لساعات في محطات الدار البيضاء مع دخول سائقي الحافلات في إضراب مفتوح.",
                ),
                (
                    "الشركة المفوضة تعد بصرف أجور السائقين لإنهاء الإضراب",
                    "تعهدت شركة النقل الحضري بصرف رواتب السائقين المتأخرة خلال أسبوع لوقف الإضراب في البيضاء.",
                ),
            ],
        ],
    ),
    (
        "صحة",
        [
            [
                (
                    "تسجيل حالات كوليرا في ريف إدلب",
                    "أعلنت مديرية الصحة في إدلب تسجيل إصابات بالكوليرا في قرى الريف الشمالي بسبب تلوث المياه.",
                ),
                (
                    "مخاوف من تفشي الكوليرا في مخيمات شمال غرب سوريا",
                    "حذرت منظمات إغاثة من انتشار الكوليرا في مخيمات إدلب المكتظة بعد رصد إصابات جديدة.",
                ),
                (
                    "حملة لتعقيم الآبار في إدلب بعد ظهور الكوليرا",
                    "بدأت فرق الصحة تعقيم آبار الشرب في ريف إدلب للحد من إصابات الكوليرا.",
                ),
            ],
            [
                (
                    "مستشفى جديد لعلاج السرطان يفتح أبوابه في نواكشوط",
                    "افتتح في نواكشوط مستشفى متخصص في علاج الأورام يضم قسما للعلاج بالأشعة.",
                ),
                (
                    "مرضى الأورام في موريتانيا لن يضطروا للسفر إلى الخارج",
                    "يتيح مركز الأورام الجديد في العاصمة الموريتانية علاجا كان المرضى يبحثون عنه في الخارج.",
                ),
                (
                    "وزير الصحة الموريتاني يدشن مركز الأورام",
                    "دشن وزير الصحة مركز علاج الأورام في نواكشوط بحضور أطباء من عدة دول.",
                ),
            ],
        ],
    ),
    (
        "اقتصاد",
        [
            [
                (
                    "الدينار التونسي يتراجع إلى أدنى مستوى أمام اليورو",
                    "هبط الدينار التونسي إلى أدنى مستوياته أمام اليورو في تعاملات الأربعاء.",
                ),
                (
                    "العملة التونسية تفقد مزيدا من قيمتها في سوق الصرف",
                    "واصلت العملة التونسية خسائرها أمام العملة الأوروبية الموحدة وسط تراجع الاحتياطي.",
                ),
                (
                    "خبراء: ضعف الاحتياطي وراء هبوط الدينار",
                    "يرى اقتصاديون في تونس أن تراجع احتياطي النقد الأجنبي يضغط على الدينار.",
                ),
            ],
            [
                (
                    "الكويت تطرح سندات دولية بقيمة 3 مليارات دولار",
                    "طرحت الحكومة الكويتية سندات في الأسواق الدولية بقيمة 3 مليارات دولار لتمويل العجز.",
                ),
                (
                    "طلب قوي على أول إصدار كويتي للديون منذ سنوات",
                    "تجاوزت طلبات المستثمرين على سندات الكويت قيمة الإصدار بأربع مرات.",
                ),
                (
                    "وزارة المالية الكويتية تغلق دفتر الاكتتاب في السندات",
                    "أغلقت وزارة المالية في الكويت الاكتتاب في سنداتها الدولية بعد إقبال المستثمرين.",
                ),
            ],
        ],
    ),
    (
        "ثقافة",
        [
            [
                (
                    "فيلم سوداني يفوز بالجائزة الكبرى في مهرجان قرطاج",
                    "فاز فيلم للمخرجة السودانية آمنة عثمان بالتانيت الذهبي في ختام مهرجان قرطاج السينمائي.",
                ),
                (
                    "التانيت الذهبي يذهب إلى السودان",
                    "منحت لجنة تحكيم أيام قرطاج السينمائية جائزتها الأولى لفيلم آمنة عثمان.",
                ),
                (
                    "آمنة عثمان: الجائزة لكل السينمائيين في السودان",
                    "أهدت المخرجة آمنة عثمان جائزة قرطاج إلى زملائها في السودان بعد تتويج فيلمها.",
                ),
            ],
            [
                (
                    "سرقة مخطوطات نادرة من مكتبة في فاس",
                    "اختفت مخطوطات قديمة من خزانة القرويين في فاس، وفتحت الشرطة تحقيقا.",
                ),
                (
                    "تحقيق في اختفاء مخطوطات من خزانة القرويين",
                    "تحقق السلطات في فاس في فقدان عدد من المخطوطات النادرة من الخزانة العريقة.",
                ),
                (
                    "استعادة جزء من مخطوطات فاس المسروقة",
                    "أعلنت الشرطة استعادة بعض المخطوطات التي سرقت من خزانة القرويين وتوقيف مشتبه به.",
                ),
            ],
        ],
    ),
    (
        "مياه",
        [
            [
                (
                    "سد النهضة: إثيوبيا تعلن اكتمال الملء الخامس",
                    "أعلنت أديس أبابا اكتمال المرحلة الخامسة من ملء خزان سد النهضة على النيل الأزرق.",
                ),
                (
                    "القاهرة تحتج على الملء الخامس لسد النهضة",
                    "قالت الخارجية المصرية إن إثيوبيا أتمت ملء خزان السد دون اتفاق مع دولتي المصب.",
                ),
                (
                    "الخرطوم تراقب منسوب النيل الأزرق بعد ملء السد الإثيوبي",
                    "تتابع وزارة الري السودانية مناسيب النيل الأزرق عقب إعلان إثيوبيا انتهاء الملء.",
                ),
            ],
            [
                (
                    "انقطاع المياه عن أحياء في عمان لإصلاح خط ناقل",
                    "قطعت سلطة المياه الإمدادات عن عدة أحياء في عمان يومين لإصلاح تسرب في خط الديسي.",
                ),
                (
                    "سكان عمان يشترون صهاريج بعد توقف الضخ",
                    "لجأ سكان أحياء في العاصمة الأردنية إلى شراء المياه بالصهاريج مع توقف ضخ خط الديسي.",
                ),
                (
                    "عودة ضخ المياه في خط الديسي بعد إصلاح التسرب",
                    "أعلنت سلطة المياه الأردنية استئناف الضخ إلى أحياء عمان بعد إنهاء إصلاح الخط.",
                ),
            ],
        ],
    ),
    (
        "قضاء",
        [
            [
                (
                    "السجن عشر سنوات لرئيس بلدية سابق في الجزائر بتهمة الفساد",
                    "قضت محكمة في وهران بسجن رئيس بلدية سابق عشر سنوات بعد إدانته بتبديد المال العام.",
                ),
                (
                    "محكمة وهران تدين مسؤولا محليا سابقا بتبديد أموال",
                    "أدانت محكمة جنح وهران المير السابق في قضية صفقات عمومية مشبوهة.",
                ),
                (
                    "دفاع المير السابق في وهران يستأنف الحكم",
                    "أعلن محامو رئيس البلدية السابق نيتهم استئناف حكم السجن الصادر عن محكمة وهران.",
                ),
            ],
            [
                (
                    "المحكمة الدستورية في الكويت تبطل انتخابات مجلس الأمة",
                    "قضت المحكمة الدستورية ببطلان انتخابات مجلس الأمة الأخيرة وإعادة المجلس السابق.",
                ),
                (
                    "حكم دستوري يعيد البرلمان الكويتي السابق",
                    "أعاد حكم المحكمة الدستورية في الكويت المجلس المنحل إلى العمل بعد إبطال الاقتراع.",
                ),
                (
                    "نواب كويتيون ينتقدون حكم إبطال الانتخابات",
                    "انتقد نواب فازوا في الانتخابات الأخيرة قرار المحكمة الدستورية بإبطالها.",
                ),
            ],
        ],
    ),
]

ENGLISH: Topics = [
    (
        "transport",
        [
            [
                (
                    "Ferry runs aground off Greek island of Paros",
                    "A passenger ferry ran aground near Paros on Tuesday; all 310 people on board"
                    " were taken off safely.",
                ),
                (
                    "Coastguard evacuates passengers from stranded vessel in the Cyclades",
                    "Greek coastguard boats ferried travellers ashore after their ship struck rocks"
                    " outside Paros harbour.",
                ),
                (
                    "Captain of Paros ferry questioned after grounding",
                    "Investigators are questioning the master of the ship that hit rocks off Paros.",
                ),
            ],
            [
                (
                    "Air traffic controllers strike grounds flights across Portugal",
                    "Hundreds of flights were cancelled at Lisbon and Porto airports as controllers"
                    " walked out over staffing.",
                ),
                (
                    "Stranded travellers sleep at Lisbon airport amid walkout",
                    "Passengers camped in Lisbon's terminal after the controllers' strike halted"
                    " departures.",
                ),
                (
                    "Portugal's controllers call off strike after overnight talks",
                    "The union representing Portuguese air traffic controllers ended its walkout"
                    " following a deal on hiring.",
                ),
            ],
        ],
    ),
    (
        "health",
        [
            [
                (
                    "Measles outbreak closes schools in Alberta town",
                    "Health officials shut three schools in Lethbridge after 14 measles cases were"
                    " confirmed among pupils.",
                ),
                (
                    "Lethbridge parents queue for vaccines as measles spreads",
                    "Long lines formed at clinics in the southern Alberta city after the outbreak was"
                    " declared.",
                ),
                (
                    "Alberta extends measles alert beyond Lethbridge",
                    "The province warned that people who visited Lethbridge may have been exposed"
                    " and should check their vaccination records.",
                ),
            ],
            [
                (
                    "Hospital in Leeds cancels operations after cyberattack",
                    "A ransomware attack forced St James's hospital in Leeds to postpone planned"
                    " surgery and divert ambulances.",
                ),
                (
                    "Hackers demand ransom from Yorkshire hospital trust",
                    "Criminals behind the attack on the Leeds trust's systems have asked for"
                    " payment, police said.",
                ),
                (
                    "Leeds hospital restores patient records after hack",
                    "Most computer systems at the Leeds trust are back online days after the"
                    " ransomware attack.",
                ),
            ],
        ],
    ),
    (
        "economy",
        [
            [
                (
                    "Chilean peso slides as copper price tumbles",
                    "Chile's currency fell to a two-year low against the dollar after copper prices"
                    " dropped sharply in London.",
                ),
                (
                    "Copper slump drags down Santiago markets",
                    "Chilean shares and the peso weakened as the metal, the country's main export,"
                    " lost ground.",
                ),
                (
                    "Chile central bank steps in to steady the peso",
                    "The central bank in Santiago sold dollars to calm the currency after the fall in"
                    " copper.",
                ),
            ],
            [
                (
                    "Vietnam car maker VinFast to build plant in India",
                    "VinFast said it will build an electric vehicle factory in Tamil Nadu, its first"
                    " in South Asia.",
                ),
                (
                    "Tamil Nadu lands Vietnamese electric car factory",
                    "The southern Indian state signed a deal with VinFast for an assembly plant near"
                    " Thoothukudi.",
                ),
                (
                    "VinFast's Indian factory to employ 3,000 workers",
                    "The Vietnamese company's planned plant in Tamil Nadu will create about 3,000"
                    " jobs, state officials said.",
                ),
            ],
        ],
    ),
    (
        "culture",
        [
            [
                (
                    "Stolen Rembrandt sketch found in Antwerp attic",
                    "Belgian police recovered a Rembrandt drawing stolen from a Dutch museum in 2011"
                    " during a house search in Antwerp.",
                ),
                (
                    "Dutch museum's missing drawing turns up in Belgium",
                    "The sketch taken from a museum in Delft twelve years ago was discovered by"
                    " investigators in an Antwerp house.",
                ),
                (
                    "Antwerp man held after Rembrandt recovery",
                    "A 61-year-old was arrested after the lost Rembrandt sketch was found in his"
                    " loft.",
                ),
            ],
            [
                (
                    "Glastonbury sells out in under an hour",
                    "Tickets for next year's Glastonbury festival were gone within 50 minutes of"
                    " going on sale on Sunday.",
                ),
                (
                    "Fans frustrated as festival tickets vanish in minutes",
                    "Many would-be Glastonbury goers were left empty-handed after the Somerset"
                    " event sold out.",
                ),
                (
                    "Glastonbury organisers promise resale in spring",
                    "Returned tickets for the Somerset festival will go back on sale in April, the"
                    " organisers said.",
                ),
            ],
        ],
    ),
    (
        "weather",
        [
            [
                (
                    "Heatwave pushes Athens to 44C, Acropolis closed",
                    "Authorities shut the Acropolis in the afternoon as temperatures in Athens"
                    " reached 44C.",
                ),
                (
                    "Greek capital swelters, tourists turned away from ancient site",
                    "Visitors were sent away from the Acropolis as the heat in Athens became"
                    " dangerous.",
                ),
                (
                    "Athens heat: hospitals see rise in heatstroke cases",
                    "Doctors in the Greek capital treated dozens for heatstroke as the heatwave"
                    " went on for a third day.",
                ),
            ],
            [
                (
                    "Blizzard cuts power to 200,000 homes in Quebec",
                    "Heavy snow and strong winds knocked out electricity across Quebec overnight,"
                    " Hydro-Québec said.",
                ),
                (
                    "Montreal digs out after snowstorm",
                    "Crews worked to clear Montreal's streets after a blizzard dropped 40cm of snow"
                    " on the city.",
                ),
                (
                    "Hydro-Québec restores power to most customers",
                    "Electricity is back for most homes left dark by the weekend's snowstorm, the"
                    " utility said.",
                ),
            ],
        ],
    ),
    (
        "law",
        [
            [
                (
                    "Former Peruvian president sentenced to 15 years",
                    "A court in Lima sentenced ex-president Ollanta Ruiz to 15 years in prison for"
                    " taking bribes from a builder.",
                ),
                (
                    "Ruiz jailed over construction bribes",
                    "Peru's former leader was found guilty of accepting payments from a"
                    " construction company while in office.",
                ),
                (
                    "Supporters of Ollanta Ruiz protest outside Lima court",
                    "Hundreds gathered outside the court after the former president's sentence was"
                    " read.",
                ),
            ],
            [
                (
                    "Australian court orders mining firm to pay Aboriginal owners",
                    "The Federal Court ruled that Red Ridge Mining must pay compensation to"
                    " traditional owners in the Pilbara.",
                ),
                (
                    "Pilbara traditional owners win landmark compensation case",
                    "Aboriginal groups in Western Australia won damages for sacred sites destroyed"
                    " by a mine.",
                ),
                (
                    "Red Ridge Mining to appeal Pilbara ruling",
                    "The company said it would challenge the Federal Court's decision on"
                    " compensation for damaged sites.",
                ),
            ],
        ],
    ),
]


if __name__ == "__main__":
    write_set(ARABIC, ENGLISH)
