# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Times on the 24-hour clock: "Talaadada iyo Khamiista, 10:00 ilaa 14:00".

opening-line = Furan: { $opening }
opening-day =
    { $day ->
        [mon] Isniinta
        [tue] Talaadada
        [wed] Arbacada
        [thu] Khamiista
        [fri] Jimcaha
        [sat] Sabtida
       *[sun] Axadda
    }
opening-days = { $days }
opening-day-range =
    { $from ->
        [mon] Isniin
        [tue] Talaado
        [wed] Arbaco
        [thu] Khamiis
        [fri] Jimce
        [sat] Sabti
       *[sun] Axad
    } ilaa { $to ->
        [mon] Isniin
        [tue] Talaado
        [wed] Arbaco
        [thu] Khamiis
        [fri] Jimce
        [sat] Sabti
       *[sun] Axad
    }
opening-every-day = Maalin kasta
opening-and = { $first } iyo { $second }
opening-comma = { $first }, { $second }
opening-part = { $days }, { $hours }
opening-hours = { $from } ilaa { $to }
opening-time = { $hour }:{ $minutes }
opening-parts = { $first }; { $second }
