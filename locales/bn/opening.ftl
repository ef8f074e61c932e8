# Opening times, put together from these pieces (see locales/en-GB/opening.ftl for what each
# message is and its variables). Days are passed as ids: mon, tue, wed, thu, fri, sat, sun.
# Status: draft, not yet reviewed by a native speaker.
# Times on the 12-hour clock with the time of day (সকাল, দুপুর...), digits as in the other
# messages: "প্রতি মঙ্গলবার ও বৃহস্পতিবার, সকাল 10টা থেকে দুপুর 2টা".

opening-line = খোলা থাকে: { $opening }
opening-day =
    { $day ->
        [mon] সোমবার
        [tue] মঙ্গলবার
        [wed] বুধবার
        [thu] বৃহস্পতিবার
        [fri] শুক্রবার
        [sat] শনিবার
       *[sun] রবিবার
    }
opening-days = প্রতি { $days }
opening-day-range =
    { $from ->
        [mon] সোমবার
        [tue] মঙ্গলবার
        [wed] বুধবার
        [thu] বৃহস্পতিবার
        [fri] শুক্রবার
        [sat] শনিবার
       *[sun] রবিবার
    } থেকে { $to ->
        [mon] সোমবার
        [tue] মঙ্গলবার
        [wed] বুধবার
        [thu] বৃহস্পতিবার
        [fri] শুক্রবার
        [sat] শনিবার
       *[sun] রবিবার
    }
opening-every-day = প্রতিদিন
opening-and = { $first } ও { $second }
opening-comma = { $first }, { $second }
opening-part = { $days }, { $hours }
opening-hours = { $from } থেকে { $to }
opening-time =
    { $special ->
        [noon] দুপুর 12টা
        [midnight] মাঝরাত
       *[none]
            { $hour ->
                [0] রাত
                [1] রাত
                [2] রাত
                [3] রাত
                [4] ভোর
                [5] ভোর
                [12] দুপুর
                [13] দুপুর
                [14] দুপুর
                [15] বিকেল
                [16] বিকেল
                [17] বিকেল
                [18] সন্ধ্যা
                [19] সন্ধ্যা
                [20] রাত
                [21] রাত
                [22] রাত
                [23] রাত
               *[other] সকাল
            } { $hour12 }{ $oclock ->
                [yes] টা
               *[no] :{ $minutes }
            }
    }
opening-parts = { $first }; { $second }
