# signpost: English (UK). The reference language: every other language falls back to it.
# Status: reviewed (the source text).
#
# Message ids are scoped by prefix: referral-* for the self-referral flow, need-* for the
# needs, field-* for summary labels. Give a message a new id when its meaning changes, so
# translators notice.

## The language picker

# The language's own name, shown in the picker.
language-name = English
    .aliases = english, inglish
language-pick = Which language would you like to use?

## Said by signpost itself, at any step

welcome-back = Welcome back. Here is where we got to:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    I'm here to pass your request to a social prescriber, who will get in touch.
    { $buttons ->
        [typed] Type the number of a choice, or its words. You can also type:
       *[tapped] Tap a button, or type its number. You can also type:
    }
    back: go back one question
    restart: start again from the beginning
    language: change language
    /mydata: see everything we hold about you
    /forget: erase everything we hold about you
    If you are in danger now, call 999.
restarted = Let's start again.
cannot-go-back = We can't go back any further from here.
stale-choice = That button was from an earlier question. This is the question we are on now:
choose-one = Sorry, I didn't understand. Please choose one of the answers below, or type its number.
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] Please choose at least one, then choose "Done".
       *[other] Please choose at least { $min }, then choose "Done".
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = That's a bit long for me. Please keep it under { $max } characters.
please-type = Please type an answer, or choose one of the answers below.
content-changed = Sorry, this service has been updated since we last spoke, so we need to start again.
conversation-over = We have finished. Type "restart" if you would like to start a new request.
unreadable-input = Sorry, I couldn't read that. Please type it again.
# One suggested service.
# Variables:
#   $name (String) - the service's name
#   $organisation (String) - who runs it
#   $description (String) - what it does
#   $opening (String) - its opening time as a line (opening-line in opening.ftl), or empty
#   $contact (String) - its phone number or website
#   $why (String) - why it was suggested, like "Near you (E1) · Free"
service-line =
    { $name } ({ $organisation })
    { $description }
    { $opening }
    { $contact }
    { $why }
# One answer on the summary.
# Variables:
#   $label (String) - what the answer is, like "Name"
#   $value (String) - the answer
summary-line = { $label }: { $value }
summary-not-given = Not given
# Words people can type instead of the buttons, separated by commas.
keywords-back = back, go back
keywords-restart = restart, start again
keywords-help = help

## Crisis

crisis-help =
    It sounds like things are really hard right now. You don't have to face this alone.
    If you are in danger now, call 999.
    For urgent mental health help, call NHS 111 and choose option 2, day or night.
    Samaritans will listen at any time: call 116 123. It's free.
    Or text SHOUT to 85258 for free, private support by text.
crisis-resume = When you're ready, we can carry on. If you send your request, a social prescriber will see it first.
crisis-danger =
    If you are in danger now, call 999. If you can't speak safely, call 999 from a mobile, listen, and press 55 when asked: they will know you need help.
    National Domestic Abuse Helpline, free, day or night: 0808 2000 247.
    If you are being forced to marry, or threatened over family "honour": Karma Nirvana, 0800 5999 247.
    If a child is being hurt: call 999, or the NSPCC on 0808 800 5000.
    It is not your fault, and you don't have to face this alone.
crisis-ask-self = I'm going to ask you directly, because it matters: are you having thoughts of ending your life?
crisis-ask-danger = I want to check you are safe: are you afraid someone will hurt you, or are you in danger now?
crisis-ask-yes = Yes
    .aliases = yes, yeah, yep, y
crisis-ask-no = No
    .aliases = no, nope, n
crisis-ask-thanks = Thank you for telling me. If that changes, or you ever feel unsafe, call 999, or Samaritans free on 116 123, day or night.
crisis-ask-again = Please answer Yes or No, so I know how best to help.

## The self-referral

referral-welcome =
    Hello, and welcome. I can pass your request to the social prescribing team in Tower Hamlets.
    Social prescribers listen, then help you find local support: with feeling low or alone, money, housing, work, caring, getting active, and more. It's free.
    You can type "back", "restart" or "help" at any time.
referral-privacy =
    First, how we look after what you tell us:
    We keep your answers safe. Only the social prescribing team sees them, so they can get in touch with you. We delete them when they are no longer needed. You can ask to see them, or ask us to delete them, at any time.
    Is it OK for us to keep your answers for this?
referral-privacy-yes = Yes, that's OK
    .aliases = yes, ok, okay, agree, i agree, yeah, y
referral-privacy-no = No, just show me services
    .aliases = no, nope, n, services only, just services
referral-anon-needs = That's fine. We won't keep anything about you. What would you like help with? Choose as many as you like, then choose "Done".
referral-needs = What is affecting you at the moment? Choose as many as you like, then choose "Done".
referral-needs-done = Done
    .aliases = done, finished, thats all, thats it, next, ok
need-mental = Feeling low or worried
    .aliases = mental health, low, sad, depressed, depression, anxious, anxiety, worried, worry, stress, stressed
need-physical = Health and getting active
    .aliases = health, physical, exercise, active, fitness, weight, walking, sport
need-money = Money and debt
    .aliases = money, debt, debts, bills, arrears, benefits, afford, broke, cost of living
need-housing = Housing
    .aliases = housing, home, homeless, house, flat, landlord, rent, eviction, evicted, damp
need-work = Work and training
    .aliases = work, job, jobs, employment, unemployed, training, course, volunteering
need-caring = Caring for someone
    .aliases = caring, carer, care, look after, looking after
need-lonely = Feeling lonely
    .aliases = lonely, alone, isolated, isolation, loneliness, no friends, on my own
need-food = Food
    .aliases = food, hungry, food bank, foodbank, meals, groceries
need-other = Something else
    .aliases = other, something else
referral-story = Would you like to tell us a bit more? Write as much or as little as you like.
referral-story-skip = No, thanks
    .aliases = no, no thanks, no thank you, nothing, skip, nope, not now
referral-name = What would you like us to call you?
referral-name-invalid = Please type a name, using letters.
referral-dob = What is your date of birth? For example: 25/12/1970. Your GP surgery uses it to find your record.
referral-dob-skip = I'd rather not say
    .aliases = prefer not, rather not, no, skip, prefer not to say, private
referral-dob-invalid = Sorry, I couldn't read that date. Please type day/month/year, like 25/12/1970.
referral-gp = Which GP surgery are you registered with?
referral-gp-skip = I don't know
    .aliases = dont know, not sure, dunno, idk, no idea, unsure, skip
referral-contact = How should we get in touch with you?
referral-contact-phone = Phone me
    .aliases = phone, call, ring, call me, phone call, telephone
referral-contact-message = Message me here
    .aliases = message, text, chat, message me, here, telegram
referral-phone = What number should we call? For example: 07700 900123.
referral-phone-invalid = That doesn't look like a UK phone number. Please type it like 07700 900123 or 020 7946 0000.
referral-best-time = When is the best time to call you?
referral-time-morning = Morning (9 to 12)
    .aliases = morning, mornings, am, early
referral-time-afternoon = Afternoon (12 to 5)
    .aliases = afternoon, afternoons, pm, after lunch
referral-time-any = Any time
    .aliases = any, anytime, any time, whenever, all day, either, dont mind
referral-postcode = What is your postcode? It helps us find services near you.
referral-postcode-skip = I don't know
    .aliases = dont know, not sure, dunno, idk, no idea, unsure, skip
referral-postcode-invalid = Sorry, that doesn't look like a UK postcode. Please type it like E1 6AN.
referral-interpreter = Would you like an interpreter when we get in touch?
interpreter-none = No, thank you
    .aliases = no, none, no thanks, english, not needed, i speak english
interpreter-bn = Bengali
    .aliases = bengali, bangla
interpreter-syl = Sylheti
    .aliases = sylheti, sylhet, siloti
interpreter-so = Somali
    .aliases = somali, soomaali
interpreter-ur = Urdu
    .aliases = urdu
interpreter-ar = Arabic
    .aliases = arabic
interpreter-pl = Polish
    .aliases = polish, polski
interpreter-zh = Chinese
    .aliases = chinese, mandarin, cantonese
interpreter-tr = Turkish
    .aliases = turkish, turkce
interpreter-other = Another language
    .aliases = other, another, another language, something else
referral-summary = Here is what you told us. Is it right?
referral-summary-confirm = Yes, send it
    .aliases = yes, correct, thats right, send, ok, okay, yep, confirm, looks good
referral-summary-change = Change something
    .aliases = no, change, edit, wrong, fix, not right
referral-summary-pick = What would you like to change?
field-needs = Help with
field-story = In your words
field-name = Name
field-dob = Date of birth
field-gp = GP surgery
field-contact = Contact
field-phone = Phone
field-best-time = Best time
field-postcode = Postcode
field-interpreter = Interpreter
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] Here is a local service that might help:
       *[other] Here are some local services that might help:
    }
referral-services-none = I couldn't find a service that fits right now. A social prescriber knows many more, and can help you find the right one.
# Variables:
#   $name (String) - what the person asked to be called
#   $reference (String) - the referral reference, like SP-7K3Q
referral-queued = Thank you, { $name }. Your request is with the social prescribing team. Your reference is { $reference }. A social prescriber will usually be in touch within 3 working days.
referral-goodbye = Take care. If you need to talk to someone urgently, call NHS 111 and choose option 2, or Samaritans on 116 123.
referral-anon-goodbye = Take care. Come back at any time if you would like a social prescriber to get in touch.

## Telegram

group-chat = I can only help in a private chat, so that what you tell me stays private. Tap my name, then "Send message".
not-text = I can only read typed messages. Please type your answer, or tap a button.
# Descriptions of the commands in Telegram's menu (up to 256 characters).
command-start = Start, or carry on with, your request
command-language = Change language
command-back = Go back one question
command-restart = Start again from the beginning
command-help = What I can do
command-mydata = See what we hold about you
command-forget = Delete what we hold about you

## Coming back with a callback waiting

# Variables:
#   $reference (String) - the referral reference, like SP-7K3Q
waiting-intro = Welcome back. Your request { $reference } is with the social prescribing team, and someone will be in touch. What would you like to do?
waiting-message = Add a message for them
    .aliases = message, add a message, note
waiting-cancel = Cancel my request
    .aliases = cancel, cancel my request, withdraw
waiting-new = Start a new request
    .aliases = new, new request, start again
waiting-message-ask = Type your message for the social prescriber.
# Variables:
#   $reference (String) - the referral reference
waiting-message-saved = Thank you. Your message is with your request { $reference }.
# Variables:
#   $reference (String) - the referral reference
waiting-cancelled = Your request { $reference } is cancelled. You can come back at any time.
# Variables:
#   $reference (String) - the referral reference
callback-claimed = Good news: a social prescriber is looking at your request { $reference } and will be in touch soon.

## Why a service was suggested

services-no-postcode = Without a postcode I can't look for services near you, so here are ones for the whole borough, and ones by phone or online.
# Variables:
#   $district (String) - the postcode district, like E1
reason-near = Near you ({ $district })
reason-borough = Anywhere in Tower Hamlets
reason-anywhere = By phone or online
reason-language = Speaks your language
reason-free = Free

## Your data: /mydata and /forget

mydata-intro = Here is everything we hold about you. Only you can see this chat.
mydata-nothing = We hold nothing about you: no answers and no request.
mydata-conversation = Your answers so far:
# Variables:
#   $reference (String) - the referral reference
#   $status (String) - open, claimed or closed
#   $date (String) - the day it was made, DD/MM/YYYY
mydata-referral = Your request { $reference }, made on { $date }: { $status ->
        [open] waiting for a social prescriber.
        [claimed] a social prescriber is dealing with it.
       *[closed] closed.
    }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $version (String) - the privacy notice's version
mydata-consent = You agreed to our privacy notice (version { $version }) on { $date }.
# Variables:
#   $services (String) - service names, comma-separated
mydata-services = Services we suggested: { $services }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-your-message = Your message of { $date }: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = When we showed you where to get help, on { $date }, you wrote: { $text }
# Variables:
#   $count (Number) - how many notes
mydata-team-notes = { $count ->
        [one] The team has written one note about your request. Ask them if you would like a copy.
       *[other] The team has written { $count } notes about your request. Ask them if you would like a copy.
    }
# Variables:
#   $outcome (String) - what the prescriber recorded, in their words
mydata-outcome = What happened: { $outcome }
mydata-footer = To delete all of this, send /forget.
forget-confirm = This deletes your answers, and any request that is still waiting, so nobody will call you back about it. Are you sure?
forget-yes = Yes, delete it
    .aliases = yes, delete, erase, remove, y
forget-no = No, keep it
    .aliases = no, keep, cancel, keep it, n
forget-done = Done: we have deleted what we held about you. We keep only a note that a deletion happened, with nothing about you in it. You can start again at any time with /start.
forget-kept = Nothing was deleted.
slow-down = You are sending messages very quickly, so I skipped some. Please wait a moment, then carry on.
store-failed = Sorry, something went wrong on our side and I could not save that. Please try again in a few minutes.
