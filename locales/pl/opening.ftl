# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Times on the 24-hour clock: "we wtorki i czwartki, 10:00–14:00".

opening-line = Otwarte: { $opening }
opening-day =
    { $day ->
        [mon] poniedziałki
        [tue] wtorki
        [wed] środy
        [thu] czwartki
        [fri] piątki
        [sat] soboty
       *[sun] niedziele
    }
# "we" before wtorki, "w" before the others.
opening-days =
    { $first ->
        [tue] we
       *[other] w
    } { $days }
opening-day-range =
    od { $from ->
        [mon] poniedziałku
        [tue] wtorku
        [wed] środy
        [thu] czwartku
        [fri] piątku
        [sat] soboty
       *[sun] niedzieli
    } do { $to ->
        [mon] poniedziałku
        [tue] wtorku
        [wed] środy
        [thu] czwartku
        [fri] piątku
        [sat] soboty
       *[sun] niedzieli
    }
opening-every-day = codziennie
opening-and = { $first } i { $second }
opening-comma = { $first }, { $second }
opening-part = { $days }, { $hours }
opening-hours = { $from }–{ $to }
opening-time = { $hour }:{ $minutes }
opening-parts = { $first }; { $second }
