# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = Salaan mar kale. Waxaad bilowday inaad taageero naga codsato, laakiin ma aadan dhammayn. Ma rabtaa inaad ka sii wadato meeshii aad joogsatay? Haddii aad doorbidayso inaad joojiso, waan tirtiri doonnaa wixii aad qortay.
nudge-carry-on = Sii wad
    .aliases = sii wad, wad
# Erases their answers, as /forget does.
nudge-stop = Jooji oo tirtir wixii aan qoray
    .aliases = jooji, tirtir
