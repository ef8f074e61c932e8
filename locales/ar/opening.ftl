# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Written right to left; times on the 12-hour clock with صباحًا / ظهرًا / مساءً, digits as in
# the other messages: "أيام الثلاثاء والخميس، من 10 صباحًا إلى 2 ظهرًا".

opening-line = مواعيد العمل: { $opening }
opening-day =
    { $day ->
        [mon] الإثنين
        [tue] الثلاثاء
        [wed] الأربعاء
        [thu] الخميس
        [fri] الجمعة
        [sat] السبت
       *[sun] الأحد
    }
opening-days = أيام { $days }
opening-day-range =
    من { $from ->
        [mon] الإثنين
        [tue] الثلاثاء
        [wed] الأربعاء
        [thu] الخميس
        [fri] الجمعة
        [sat] السبت
       *[sun] الأحد
    } إلى { $to ->
        [mon] الإثنين
        [tue] الثلاثاء
        [wed] الأربعاء
        [thu] الخميس
        [fri] الجمعة
        [sat] السبت
       *[sun] الأحد
    }
opening-every-day = يوميًا
# "و" joins the word after it.
opening-and = { $first } و{ $second }
opening-comma = { $first }، { $second }
opening-part = { $days }، { $hours }
opening-hours = من { $from } إلى { $to }
opening-time =
    { $special ->
        [noon] 12 ظهرًا
        [midnight] منتصف الليل
       *[none]
            { $hour12 }{ $oclock ->
                [yes] {""}
               *[no] :{ $minutes }
            } { $hour ->
                [12] ظهرًا
                [13] ظهرًا
                [14] ظهرًا
               *[other] { $period ->
                    [am] صباحًا
                   *[pm] مساءً
                }
            }
    }
opening-parts = { $first }؛ { $second }
