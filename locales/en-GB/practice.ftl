# signpost: English (UK). The GP practice question (a `practice` node in the dialogue).
# Status: reviewed (the source text).

practice-offer = Is it one of these? If not, choose "Not listed" and we will keep what you typed, or type it again.
practice-not-listed = Not listed
# Variables:
#   $typed (String) - what the person typed
practice-not-found = We could not find "{ $typed }" in our list of surgeries, so we have kept it as you wrote it.
# Variables:
#   $practice (String) - the practice's name, from the link the person followed
practice-from-link = Your GP surgery is { $practice }, from the link you used. You can change it before you send your request.
