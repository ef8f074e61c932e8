# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Times on the 24-hour clock: "Salı ve Perşembe günleri, 10:00–14:00".

opening-line = Açık: { $opening }
opening-day =
    { $day ->
        [mon] Pazartesi
        [tue] Salı
        [wed] Çarşamba
        [thu] Perşembe
        [fri] Cuma
        [sat] Cumartesi
       *[sun] Pazar
    }
opening-days = { $days } günleri
# "Pazartesi'den Cuma'ya kadar": the suffixes follow each day's vowels.
opening-day-range =
    { $from ->
        [mon] Pazartesi'den
        [tue] Salı'dan
        [wed] Çarşamba'dan
        [thu] Perşembe'den
        [fri] Cuma'dan
        [sat] Cumartesi'den
       *[sun] Pazar'dan
    } { $to ->
        [mon] Pazartesi'ye
        [tue] Salı'ya
        [wed] Çarşamba'ya
        [thu] Perşembe'ye
        [fri] Cuma'ya
        [sat] Cumartesi'ye
       *[sun] Pazar'a
    } kadar
opening-every-day = Her gün
opening-and = { $first } ve { $second }
opening-comma = { $first }, { $second }
opening-part = { $days }, { $hours }
opening-hours = { $from }–{ $to }
opening-time =
    { $hour ->
        [0] 00
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $hour }
    }:{ $minutes }
opening-parts = { $first }; { $second }
