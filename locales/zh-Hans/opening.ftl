# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Times on the 24-hour clock: "每周二和周四 10:00–14:00".

opening-line = 开放时间：{ $opening }
opening-day =
    { $day ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }
opening-days = 每{ $days }
opening-day-range =
    { $from ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }至{ $to ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }
opening-every-day = 每天
opening-and = { $first }和{ $second }
opening-comma = { $first }、{ $second }
opening-part = { $days } { $hours }
opening-hours = { $from }–{ $to }
opening-time = { $hour }:{ $minutes }
opening-parts = { $first }；{ $second }
