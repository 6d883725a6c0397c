"""The demo's people: two agencies, their members, clients and trips in 2027 (used by seed-demo)."""

#: (email, name, clients) of each agency's founding owner; a client: (name, contact, home zone, language,
#: trips); a trip: (title, status, scenario)
FACILITATORS = (
    (
        "mina@demo.example",
        "Mina Park (demo)",
        (
            (
                "Ana Silva",
                "ana.silva@example.com",
                "Europe/Lisbon",
                "en",
                (
                    (
                        "Knee cells, March 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
                            "arrival": "2027-03-01T16:00",
                            "departure": "2027-03-21T11:00",
                            "treatments": [{"protocol": "stem-cell-knee-svf"}, {"protocol": "health-checkup"}],
                            "currency": "EUR",
                        },
                    ),
                ),
            ),
            (
                "James Carter",
                "+1 415 555 0142",
                "America/Los_Angeles",
                "en",
                (
                    (
                        "Back pain course, spring 2027",
                        "proposed",
                        {
                            "traveller": {"name": "James Carter", "home_timezone": "America/Los_Angeles"},
                            "arrival": "2027-04-05T17:30",
                            "departure": "2027-05-05T12:00",
                            "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 8}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Aigerim Bekova",
                "aigerim@example.com",
                "Asia/Almaty",
                "ru",
                (
                    (
                        "Implants, two trips",
                        "draft",
                        {
                            "traveller": {"name": "Aigerim Bekova", "home_timezone": "Asia/Almaty"},
                            "arrival": "2027-05-10T09:00",
                            "treatments": [{"protocol": "dental-implant-two-stage"}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Jiwoo Kim",
                "jiwoo.kim@example.com",
                "America/Los_Angeles",
                "ko",
                (
                    (
                        "Health checkup, July 2027",
                        "proposed",
                        {
                            "traveller": {"name": "Jiwoo Kim", "home_timezone": "America/Los_Angeles"},
                            "arrival": "2027-07-05T16:00",
                            "departure": "2027-07-10T12:00",
                            "treatments": [{"protocol": "health-checkup"}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Wang Fang",
                "wang.fang@example.com",
                "Asia/Shanghai",
                "zh_Hans",
                (
                    (
                        "Neck pain, September 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Wang Fang", "home_timezone": "Asia/Shanghai"},
                            "arrival": "2027-09-06T10:00",
                            "departure": "2027-09-24T18:00",
                            "treatments": [{"protocol": "acupuncture-acute-pain"}],
                            "currency": "CNY",
                        },
                    ),
                ),
            ),
        ),
    ),
    (
        "tom@demo.example",
        "Tom Becker (demo)",
        (
            (
                "Sophie Martin",
                "sophie.martin@example.com",
                "Europe/Paris",
                "en",
                (
                    (
                        "Check-up, June 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Sophie Martin", "home_timezone": "Europe/Paris"},
                            "arrival": "2027-06-07T15:00",
                            "departure": "2027-06-13T13:00",
                            "treatments": [{"protocol": "health-checkup"}],
                            "currency": "EUR",
                        },
                    ),
                ),
            ),
            (
                "Liam O'Brien",
                "liam@example.com",
                "Australia/Sydney",
                "en",
                (
                    (
                        "Sleep and stress, autumn 2027",
                        "proposed",
                        {
                            "traveller": {"name": "Liam O'Brien", "home_timezone": "Australia/Sydney"},
                            "arrival": "2027-09-13T18:00",
                            "departure": "2027-10-08T10:00",
                            "treatments": [{"protocol": "acupuncture-stress-insomnia", "count": 6}],
                            "currency": "AUD",
                        },
                    ),
                ),
            ),
        ),
    ),
)

#: each demo client's nationality, so that the documents checklist names an entry permit (a K-ETA
#: for US and French nationals, the C-3-3 medical visa for the others on the planner's list)
NATIONALITIES = {
    "Ana Silva": "PT",
    "James Carter": "US",
    "Aigerim Bekova": "KZ",
    "Jiwoo Kim": "US",
    "Wang Fang": "CN",
    "Sophie Martin": "FR",
    "Liam O'Brien": "IE",
}

#: each founding owner's agency: its name and its other members (email, name, role, the clients assigned to them)
AGENCIES = {
    "mina@demo.example": (
        "Han River Care (demo)",
        (
            ("jun@demo.example", "Jun Lee (demo)", "coordinator", ("Aigerim Bekova", "Wang Fang")),
            ("sora@demo.example", "Sora Choi (demo)", "finance", ()),
        ),
    ),
    "tom@demo.example": ("Becker Health Journeys (demo)", ()),
}
