# signpost: English (UK). Opening times, put together from these pieces by
# src/content/services/opening/render.rs: "Tuesdays and Thursdays, 10am to 2pm".
# Status: reviewed (the source text).
#
# Days are passed as ids: mon, tue, wed, thu, fri, sat, sun. What could not be read is shown as
# written, in place of a part.

# A service's opening time, as a line of its entry.
# Variables:
#   $opening (String) - the opening time, like "Tuesdays, 10am to 1pm"
opening-line = Open: { $opening }

# A day that comes every week, as one of a list: "Tuesdays" in "Tuesdays and Thursdays".
# Variables:
#   $day (String) - mon to sun
opening-day =
    { $day ->
        [mon] Mondays
        [tue] Tuesdays
        [wed] Wednesdays
        [thu] Thursdays
        [fri] Fridays
        [sat] Saturdays
       *[sun] Sundays
    }

# Days said one by one. English has no use for $first: the selector only names it, so that a
# translation may use it (`signpost check` allows translations only the variables English has).
# Variables:
#   $days (String) - the days, joined: "Tuesdays and Thursdays"
#   $first (String) - the first day's id, mon to sun (Polish: "we wtorki" but "w środy")
opening-days =
    { $first ->
       *[other] { $days }
    }

# Three or more days in a row.
# Variables:
#   $from (String) - the first day's id, mon to sun
#   $to (String) - the last day's id, mon to sun
opening-day-range =
    { $from ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    } to { $to ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }

opening-every-day = Every day

# The last two things in a list: "Tuesdays and Thursdays".
# Variables:
#   $first (String) - everything before
#   $second (String) - the last one
opening-and = { $first } and { $second }

# Two things in a list, more coming: "Mondays, Wednesdays".
# Variables:
#   $first (String), $second (String)
opening-comma = { $first }, { $second }

# Days and their hours.
# Variables:
#   $days (String) - "Tuesdays and Thursdays"
#   $hours (String) - "10am to 2pm"
opening-part = { $days }, { $hours }

# Variables:
#   $from (String) - opening time, as opening-time says it
#   $to (String) - closing time
opening-hours = { $from } to { $to }

# A time of day. English selects on $hour only to name it for translations (see opening-days).
# Variables:
#   $hour (Number) - 0 to 24 (24 is midnight at the end of the day)
#   $hour12 (Number) - 1 to 12
#   $minutes (String) - two digits: "00", "30"
#   $oclock (String) - "yes" when the minutes are 00, else "no"
#   $period (String) - "am" or "pm"
#   $special (String) - "noon", "midnight" or "none"
opening-time =
    { $special ->
        [noon] 12 noon
        [midnight] midnight
       *[none]
            { $hour ->
               *[other]
                    { $hour12 }{ $oclock ->
                        [yes] {""}
                       *[no] .{ $minutes }
                    }{ $period ->
                        [am] am
                       *[pm] pm
                    }
            }
    }

# Two schedules: "Mondays, 10am to 12 noon; Fridays, 2pm to 4pm".
# Variables:
#   $first (String), $second (String)
opening-parts = { $first }; { $second }
