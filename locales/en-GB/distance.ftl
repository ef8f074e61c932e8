# signpost: English (UK). How far away a suggested service is, in the list of services.
# Status: reviewed (the source text).
# Each language says it in the unit its speakers think in (English in the UK: miles, with metres
# or kilometres beside; the others in metres and kilometres), picking from the variables below.

# Variables:
#   $metres (Number) - the distance in metres, to the nearest 100 (at least 100)
#   $km (Number) - the distance in whole kilometres; 0 when under 950 m
#   $quarters (Number) - the distance in quarter miles, to the nearest; 0 under an eighth of a mile
#   $miles (Number) - the distance in whole miles, to the nearest
distance-away =
    { $quarters ->
        [0] less than a quarter of a mile away ({ $metres } m)
        [1] about a quarter of a mile away ({ $metres } m)
        [2] about half a mile away ({ $metres } m)
        [3] about three quarters of a mile away
       *[other]
            { $miles ->
                [one] about a mile away
               *[other] about { $miles } miles away ({ $km } km)
            }
    }
