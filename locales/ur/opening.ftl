# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Written right to left; times on the 12-hour clock with the time of day (صبح، دوپہر...),
# digits as in the other messages: "ہر منگل اور جمعرات کو، صبح 10 بجے سے دوپہر 2 بجے تک".

opening-line = کھلنے کے اوقات: { $opening }
opening-day =
    { $day ->
        [mon] پیر
        [tue] منگل
        [wed] بدھ
        [thu] جمعرات
        [fri] جمعہ
        [sat] ہفتہ
       *[sun] اتوار
    }
# "کو" after the days: "ہر ہفتہ کو" is every Saturday ("ہر ہفتے" would be every week).
opening-days = ہر { $days } کو
opening-day-range =
    { $from ->
        [mon] پیر
        [tue] منگل
        [wed] بدھ
        [thu] جمعرات
        [fri] جمعہ
        [sat] ہفتہ
       *[sun] اتوار
    } سے { $to ->
        [mon] پیر
        [tue] منگل
        [wed] بدھ
        [thu] جمعرات
        [fri] جمعہ
        [sat] ہفتہ
       *[sun] اتوار
    } تک
opening-every-day = روزانہ
opening-and = { $first } اور { $second }
opening-comma = { $first }، { $second }
opening-part = { $days }، { $hours }
opening-hours = { $from } سے { $to } تک
opening-time =
    { $special ->
        [noon] دوپہر 12 بجے
        [midnight] آدھی رات
       *[none]
            { $hour ->
                [0] رات
                [1] رات
                [2] رات
                [3] رات
                [12] دوپہر
                [13] دوپہر
                [14] دوپہر
                [15] سہ پہر
                [16] سہ پہر
                [17] شام
                [18] شام
                [19] شام
                [20] رات
                [21] رات
                [22] رات
                [23] رات
               *[other] صبح
            } { $hour12 }{ $oclock ->
                [yes] {""}
               *[no] :{ $minutes }
            } بجے
    }
opening-parts = { $first }؛ { $second }
