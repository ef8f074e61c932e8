# signpost: Somali (so). How far away a suggested service is.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

# Variables:
#   $metres (Number) - the distance in metres, to the nearest 100 (at least 100)
#   $km (Number) - the distance in whole kilometres; 0 when under 950 m
#   $quarters (Number) - the distance in quarter miles, to the nearest; 0 under an eighth of a mile
#   $miles (Number) - the distance in whole miles, to the nearest
distance-away =
    { $km ->
        [0] masaafo qiyaastii { $metres } mitir ah
       *[other] masaafo qiyaastii { $km } kiiloomitir ah
    }
