"""The demo articles, FAQs and trials, as plain Python data.

Written for the portal in plain UK English. Facts that can change carry a date in the text.

Registry facts of the three trials marked `registry_checked_at` were copied from the full
ClinicalTrials.gov records fetched on 15 September 2026 (trials/fixtures/ctgov, see its SOURCES.md);
a test checks they still match those files. They are stored here so the demo loads on a machine
without that folder. The other trials keep only a few registry facts, each dated in its body text
("Registry facts as of ..."), for the registry refresh to complete and correct.

`workflow` is the moderation state the loader walks an item to (draft, in_review or published);
`published_on` and `last_reviewed` are fixed so the demo looks the same on every machine.
"""

from __future__ import annotations

DRAFT = "draft"
IN_REVIEW = "in_review"
PUBLISHED = "published"

# username, group, display name. Passwords are random and printed once by the command.
ACCOUNTS = [
    {"username": "moderator", "group": "Moderators", "display_name": "Demo moderator"},
    {"username": "editor", "group": "Editors", "display_name": "Demo editor"},
]

REGISTRY_CHECKED_2026_09_15 = "2026-09-15T08:33:00+00:00"

# ---------------------------------------------------------------------------------------------
# Trials (loaded first: articles link to them)

TRIALS = [
    {
        "nct_id": "NCT06451159",
        "slug": "kyv-101-progressive-ms-ucsf",
        "workflow": PUBLISHED,
        "published_on": "2025-02-04",
        "last_reviewed": "2026-10-14",
        "tags": ["car-t", "cd19", "progressive-ms", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": REGISTRY_CHECKED_2026_09_15,
        "registry": {
            "title": (
                "A Study of KYV-101, a CD19 CAR T Cell Therapy, in Participants With Treatment Refractory "
                "Progressive Multiple Sclerosis"
            ),
            "official_title": (
                "Phase 1, Open-Label, Single Center Study of KYV-101, an Autologous Fully-Human Anti-CD19 "
                "Chimeric Antigen Receptor T Cell (CD19 CAR T) Therapy, in Participants With Treatment "
                "Refractory Progressive Multiple Sclerosis"
            ),
            "acronym": "",
            "sponsor": "Bruce Cree",
            "sponsor_class": "OTHER",
            "collaborators": ["Kyverna Therapeutics"],
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1"],
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "why_stopped": "",
            "conditions": ["Progressive Multiple Sclerosis"],
            "interventions": [
                "KYV-101 (Biological) - 0.33 ×10^8 cells",
                "KYV-101 (Biological) - 1 ×10^8 cells",
                "Chemotherapy: cyclophosphamide (CYC)",
                "Chemotherapy: fludarabine (FLU)",
            ],
            "enrollment": 10,
            "enrollment_type": "ESTIMATED",
            "start_date": "2024-06-20",
            "start_date_type": "ACTUAL",
            "primary_completion_date": "2026-02-01",
            "primary_completion_date_type": "ACTUAL",
            "completion_date": "2027-02",
            "completion_date_type": "ESTIMATED",
            "first_posted": "2024-06-11",
            "last_update_posted": "2026-08-10",
            "sex": "ALL",
            "minimum_age": "25 Years",
            "maximum_age": "70 Years",
        },
        "locations": [
            {
                "facility": "University of California, San Francisco, Multiple Sclerosis Center",
                "city": "San Francisco",
                "state": "California",
                "country": "United States",
                "status": "",
            },
        ],
        "summary": (
            "A small phase 1 study at UCSF of KYV-101, a CD19 CAR T-cell therapy, in progressive MS "
            "that kept getting worse despite treatment."
        ),
        "body": """
            This study tests KYV-101 in people with progressive MS. KYV-101 is a CD19 CAR T-cell therapy
            made by Kyverna Therapeutics. The study is led by Dr Bruce Cree at the University of California,
            San Francisco (UCSF). Kyverna is a partner.

            It is a phase 1 study. Its main aim is to check safety and find a suitable dose. It also looks at
            whether the CAR T cells reach the brain and spinal fluid.

            People in the study have a few days of chemotherapy first. Then they get one infusion of KYV-101.
            The registry record describes 14 visits and a hospital stay of about 8 days, spread over about
            58 weeks. Tests include MRI scans, blood tests and lumbar punctures.

            When we checked the registry record on 15 September 2026, the study was active but no longer
            taking new people. It planned about 10 participants, aged 25 to 70. The study is expected to end
            in February 2027 (an estimate).
        """,
        "what_it_means": """
            This is one of the first CAR T studies aimed only at progressive MS. It is small and has no
            comparison group. So it can tell us about safety, but not whether KYV-101 slows MS.

            It is not taking new people. If the results look safe, larger studies may follow. Ask your MS team
            to tell you when results are published.
        """,
    },
    {
        "nct_id": "NCT07006805",
        "slug": "reset-ms-caba-201",
        "workflow": PUBLISHED,
        "published_on": "2025-07-08",
        "last_reviewed": "2026-09-30",
        "tags": ["car-t", "cd19", "progressive-ms", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": REGISTRY_CHECKED_2026_09_15,
        "registry": {
            "title": (
                "RESET-MS: A Study to Evaluate the Safety and Efficacy of CABA-201 in Participants With "
                "Multiple Sclerosis"
            ),
            "official_title": (
                "RESET-MS: A Phase 1/2, Open-Label Study to Evaluate the Safety and Efficacy of Autologous "
                "CD19-specific Chimeric Antigen Receptor T Cells (CABA-201) in Participants With Multiple Sclerosis"
            ),
            "acronym": "",
            "sponsor": "Cabaletta Bio",
            "sponsor_class": "INDUSTRY",
            "collaborators": [],
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1", "PHASE2"],
            "overall_status": "WITHDRAWN",
            "why_stopped": (
                "The study was withdrawn prior to site activation and before enrollment of any participants "
                "due to sponsor decision to reprioritize the development portfolio."
            ),
            "conditions": [
                "Relapsing Multiple Sclerosis (RMS)",
                "Progressive Multiple Sclerosis (PMS)",
                "Multiple Sclerosis - Relapsing Remitting",
                "Multiple Sclerosis",
                "Multiple Sclerosis (Relapsing Remitting)",
                "Multiple Sclerosis (MS) - Relapsing-remitting",
                "Progressive Multiple Sclerosis",
            ],
            "interventions": ["CABA-201"],
            "enrollment": 0,
            "enrollment_type": "ACTUAL",
            "start_date": "2026-06",
            "start_date_type": "ESTIMATED",
            "primary_completion_date": "2028-09",
            "primary_completion_date_type": "ESTIMATED",
            "completion_date": "2029-10",
            "completion_date_type": "ESTIMATED",
            "first_posted": "2025-06-05",
            "last_update_posted": "2026-06-25",
            "sex": "ALL",
            "minimum_age": "18 Years",
            "maximum_age": "60 Years",
        },
        "locations": [],
        "summary": (
            "A planned phase 1/2 study of the CD19 CAR T-cell therapy CABA-201 in relapsing and progressive MS. "
            "It was withdrawn before anyone joined."
        ),
        "body": """
            Cabaletta Bio planned this study to test CABA-201 in adults with MS aged 18 to 60. CABA-201 is
            also called rese-cel. It is a CD19 CAR T-cell therapy. The study was meant to check safety first,
            then look for early signs of benefit.

            The registry record says the study was withdrawn before any hospital site opened and before
            anyone joined. The reason given is that the company changed its priorities. No one was treated.

            This was the record as we checked it on 15 September 2026.
        """,
        "what_it_means": """
            This trial will not take place. The record describes the withdrawal as a business decision.
            It tells us nothing about whether CABA-201 is safe or useful in MS.

            Cabaletta Bio has been testing the same treatment in other autoimmune diseases, such as lupus and
            myositis. If you were hoping to join this study, ask your MS team about other trials.
        """,
    },
    {
        "nct_id": "NCT06193889",
        "slug": "kysa-6-kyv-101-myasthenia-gravis",
        "workflow": PUBLISHED,
        "published_on": "2025-04-15",
        "last_reviewed": "2026-10-02",
        "tags": ["car-t", "cd19", "myasthenia-gravis", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": REGISTRY_CHECKED_2026_09_15,
        "registry": {
            "title": (
                "KYSA-6: A Study of Anti-CD19 Chimeric Antigen Receptor T-Cell Therapy, in Patients With "
                "Generalized Myasthenia Gravis"
            ),
            "official_title": (
                "KYSA-6: A Phase 2/3, Open-Label, Randomized, Controlled, Multicenter Study of KYV-101, an "
                "Autologous Fully Human Anti-CD19 Chimeric Antigen Receptor T-cell (CD19 CAR T) Therapy, Versus "
                "Ongoing Standard-Of-Care Immunosuppressive Therapy in Patients With Generalized Myasthenia Gravis"
            ),
            "acronym": "",
            "sponsor": "Kyverna Therapeutics",
            "sponsor_class": "INDUSTRY",
            "collaborators": [],
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE2", "PHASE3"],
            "overall_status": "RECRUITING",
            "why_stopped": "",
            "conditions": ["Myasthenia Gravis", "Generalized Myasthenia Gravis"],
            "interventions": ["Standard of Care Treatment", "Standard lymphodepletion regimen", "KYV-101"],
            "enrollment": 66,
            "enrollment_type": "ESTIMATED",
            "start_date": "2024-08-28",
            "start_date_type": "ACTUAL",
            "primary_completion_date": "2027-09",
            "primary_completion_date_type": "ESTIMATED",
            "completion_date": "2028-09",
            "completion_date_type": "ESTIMATED",
            "first_posted": "2024-01-05",
            "last_update_posted": "2026-07-29",
            "sex": "ALL",
            "minimum_age": "18 Years",
            "maximum_age": "75 Years",
        },
        # A few of the record's 22 sites, all listed as recruiting on 15 September 2026.
        "locations": [
            {"facility": "Ronald Reagan UCLA Medical Center", "city": "Los Angeles", "state": "California",
             "country": "United States", "status": "RECRUITING"},
            {"facility": "Stanford University Medical Center", "city": "Palo Alto", "state": "California",
             "country": "United States", "status": "RECRUITING"},
            {"facility": "Charite- Universitätsklinikum Berlin", "city": "Berlin", "state": "",
             "country": "Germany", "status": "RECRUITING"},
            {"facility": "Universitätsklinikum Hamburg-Eppendorf", "city": "Hamburg", "state": "",
             "country": "Germany", "status": "RECRUITING"},
            {"facility": "Cambridge University Hospital, Addenbrooke's Hospital", "city": "Cambridge", "state": "",
             "country": "United Kingdom", "status": "RECRUITING"},
            {"facility": "King's College Hospital", "city": "London", "state": "",
             "country": "United Kingdom", "status": "RECRUITING"},
            {"facility": "Hospital Israelita Albert Einstein", "city": "São Paulo", "state": "",
             "country": "Brazil", "status": "RECRUITING"},
            {"facility": "Westmead Institute for Medical Research", "city": "Westmead", "state": "",
             "country": "Australia", "status": "RECRUITING"},
        ],
        "summary": (
            "A phase 2/3 trial that compares the CD19 CAR T-cell therapy KYV-101 with usual treatment "
            "in generalised myasthenia gravis."
        ),
        "body": """
            KYSA-6 is run by Kyverna Therapeutics. It is for adults aged 18 to 75 with generalised myasthenia
            gravis. This is an autoimmune disease that causes muscle weakness.

            People are put into one of two groups by chance. This is called randomisation. One group has
            chemotherapy and then KYV-101. The other group carries on with their usual treatment. Comparing
            the two groups gives stronger evidence than a study with only one group.

            When we checked the registry record on 15 September 2026, the trial was recruiting. It listed 22
            sites in the United States, Germany, the UK, Brazil, Australia and Saudi Arabia. It planned about
            66 participants.
        """,
        "what_it_means": """
            This trial is not for people with MS. We follow it because KYV-101 is also being tested in
            progressive MS.

            Its safety results will add to what is known about KYV-101. Because it has a comparison group,
            its results may be clearer than those of the small early MS studies.
        """,
    },
    {
        "nct_id": "NCT06220201",
        "slug": "breakfree-2-cc-97540-ms",
        "workflow": PUBLISHED,
        "published_on": "2025-05-27",
        "last_reviewed": "2026-10-21",
        "tags": ["car-t", "cd19", "progressive-ms", "relapsing-ms", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": REGISTRY_CHECKED_2026_09_15,
        # Loaded by the real importer from trials/fixtures/ctgov/NCT06220201.json; these are checked
        # against that record by the demo tests.
        "registry": {
            "title": (
                "A Study to Evaluate the Safety, Tolerability, Efficacy, and Drug Levels of CC-97540 in "
                "Participants With Relapsing Forms of Multiple Sclerosis, Progressive Forms of Multiple "
                "Sclerosis or Refractory Myasthenia Gravis (MG) (Breakfree-2)"
            ),
            "sponsor": "Juno Therapeutics, Inc., a Bristol-Myers Squibb Company",
            "sponsor_class": "INDUSTRY",
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1"],
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "conditions": ["Multiple Sclerosis", "Myasthenia Gravis"],
            "interventions": ["CC-97540", "Fludarabine", "Cyclophosphamide"],
        },
        "locations": [],
        "summary": (
            "A phase 1 study of the CD19 CAR T-cell therapy CC-97540 (also called BMS-986353) in relapsing "
            "and progressive MS."
        ),
        "body": """
            This study tests CC-97540, also called BMS-986353. It is a CD19 CAR T-cell therapy made with a
            process the company calls NEX-T. The sponsor is Celgene, a Bristol Myers Squibb company.

            The study has two parts. Part A tries different doses to find a safe one. Part B gives the chosen
            dose to more people. It includes adults with relapsing MS and adults with progressive MS. The UK
            research summary says about 84 people worldwide, with about 10 in the UK.

            *Check the registry record for the latest status and sites before you contact anyone.*
        """,
        "what_it_means": """
            This is one of the few CAR T studies that includes relapsing MS as well as progressive MS.

            It is the first study of this product in MS, so its main question is safety. It cannot show
            whether the treatment works better than the MS medicines you may already take.
        """,
    },
    {
        "nct_id": "NCT06675864",
        "slug": "ytb323-non-active-progressive-ms",
        "workflow": PUBLISHED,
        "published_on": "2025-10-09",
        "last_reviewed": "2026-10-21",
        "tags": ["car-t", "cd19", "progressive-ms", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": None,
        "registry": {
            "title": (
                "Open-label, Multi-center, Phase I/II Study to Assess Safety, Disease Progression and Cellular "
                "Kinetics Following YTB323 Administration in Participants With Non-active Progressive Multiple "
                "Sclerosis (PMS)"
            ),
            "sponsor": "Novartis Pharmaceuticals",
            "sponsor_class": "INDUSTRY",
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1", "PHASE2"],
            "overall_status": "RECRUITING",
            "conditions": ["Progressive Multiple Sclerosis"],
            "interventions": ["rapcabtagene autoleucel (YTB323)"],
            "enrollment": 28,
            "enrollment_type": "ESTIMATED",
            "sex": "ALL",
            "minimum_age": "18 Years",
            "maximum_age": "60 Years",
        },
        "locations": [],
        "summary": (
            "A phase 1/2 study by Novartis of the CD19 CAR T-cell therapy YTB323 in progressive MS without "
            "recent signs of inflammation."
        ),
        "body": """
            Novartis is testing YTB323, also called rapcabtagene autoleucel. It is a CD19 CAR T-cell therapy.

            The study is for adults aged 18 to 60 with primary or secondary progressive MS. People should
            have had no relapse in the past year. Their disability should have got worse recently.

            Small groups get a dose one after another. The next group gets a higher dose only if the lower
            dose looked safe. About 28 people are planned. Each person is followed for 2 years in this study,
            then for many more years in a separate long-term study.

            *Registry facts as of June 2025, when the study was recruiting. Check the registry record for
            the latest status and sites.*
        """,
        "what_it_means": """
            This study looks at "non-active" progressive MS. That is the kind of MS that today's medicines
            help least.

            It is an early study, so its main question is safety. It is too small to show whether YTB323 slows
            disability.
        """,
    },
    {
        "nct_id": "NCT04561557",
        "slug": "ct103a-bcma-car-t-nmosd",
        "workflow": PUBLISHED,
        "published_on": "2025-08-19",
        "last_reviewed": "2026-09-23",
        "tags": ["car-t", "bcma", "nmosd", "myasthenia-gravis", "trials"],
        "car_t_target": "bcma",
        "registry_checked_at": None,
        "registry": {
            "title": (
                "Safety and Efficacy of CT103A Cells for Relapsed/Refractory Antibody-associated Inflammatory "
                "Diseases of the Nervous System"
            ),
            "acronym": "CARTinNS",
            "sponsor": "Tongji Hospital",
            "sponsor_class": "OTHER",
            "collaborators": ["Nanjing IASO Biotechnology Co., Ltd."],
            "study_type": "INTERVENTIONAL",
            "phases": ["EARLY_PHASE1"],
            "overall_status": "RECRUITING",
            "conditions": [
                "Neuromyelitis Optica Spectrum Disorder",
                "Myasthenia Gravis",
                "Chronic Inflammatory Demyelinating Polyradiculoneuropathy",
                "Multiple Sclerosis",
                "Autoimmune Encephalitis",
                "Myelin Oligodendrocyte Glycoprotein Antibody-Associated Disease (MOGAD)",
            ],
            "interventions": ["CT103A cells", "Cyclophosphamide and fludarabine"],
            "enrollment": 36,
            "enrollment_type": "ESTIMATED",
            "start_date": "2020-09-22",
            "start_date_type": "ACTUAL",
            "last_update_posted": "2024-10-30",
        },
        "locations": [
            {
                "facility": (
                    "Tongji Hospital affiliated to Tongji Medical College of Huazhong University of Science "
                    "and Technology"
                ),
                "city": "Wuhan",
                "state": "",
                "country": "China",
                "status": "RECRUITING",
            },
        ],
        "summary": (
            "An early study in China of the BCMA CAR T-cell therapy CT103A in nervous system diseases driven "
            "by antibodies, starting with NMOSD."
        ),
        "body": """
            Tongji Hospital in Wuhan, China, runs this study with the company Nanjing IASO. CT103A is a BCMA
            CAR T-cell therapy. It aims at plasma cells, the cells that make antibodies.

            The study began with NMOSD. In most people with NMOSD, an antibody against a protein called
            aquaporin-4 causes attacks on the optic nerves and spinal cord. The registry record now lists
            more diseases too. They include myasthenia gravis, CIDP, MOGAD, autoimmune encephalitis and MS.

            It is an early phase 1 study at one hospital. The team has published early results from a small
            group of people with NMOSD in a medical journal.

            *Registry facts as of June 2026, when the study was recruiting with about 36 planned
            participants. Check the registry record for the latest.*
        """,
        "what_it_means": """
            For MS, this approach is less likely to fit. MS is not known to be caused by one antibody, and
            BCMA CAR T cells aim mainly at antibody-making cells. Most MS studies use CD19 instead.

            The results matter for people with NMOSD, which can look like MS at first. If you have NMOSD or
            MOGAD, ask your neurologist whether studies like this are relevant to you.
        """,
    },
    {
        "nct_id": "NCT06799247",
        "slug": "aurora-descartes-08-myasthenia-gravis",
        "workflow": PUBLISHED,
        "published_on": "2026-03-17",
        "last_reviewed": "2026-10-08",
        "tags": ["car-t", "bcma", "myasthenia-gravis", "trials"],
        "car_t_target": "bcma",
        "registry_checked_at": None,
        "registry": {
            "title": (
                "Investigating an mRNA CAR T-cell Therapy, Known as Descartes-08, as a Potential Approach to "
                "Treat Myasthenia Gravis"
            ),
            "official_title": (
                "A Randomized, Double-Blind, Placebo-Controlled Phase 3 Trial of Descartes-08 in Patients With "
                "Acetylcholine Receptor Antibody-Positive Generalized Myasthenia Gravis"
            ),
            "acronym": "AURORA",
            "sponsor": "Cartesian Therapeutics",
            "sponsor_class": "INDUSTRY",
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE3"],
            "overall_status": "RECRUITING",
            "conditions": ["Myasthenia Gravis"],
            "interventions": ["Descartes-08", "Placebo"],
            "enrollment": 100,
            "enrollment_type": "ESTIMATED",
            "start_date": "2025-05-06",
            "start_date_type": "ACTUAL",
            "last_update_posted": "2026-01-29",
            "minimum_age": "18 Years",
        },
        "locations": [],
        "summary": (
            "A phase 3 trial of Descartes-08, a BCMA CAR T-cell therapy made with mRNA, against a dummy "
            "treatment in myasthenia gravis."
        ),
        "body": """
            Cartesian Therapeutics runs AURORA. Descartes-08 is a BCMA CAR T-cell therapy made with mRNA.
            The cells carry the CAR for a short time only. So people get a series of infusions instead of
            one. The company says no chemotherapy is needed beforehand.

            The trial is randomised and double-blind. Some people get a placebo, a dummy treatment, at
            first. Neither they nor their doctors know which one they got. This is the strongest kind of
            trial design.

            *Registry facts as of January 2026: recruiting, phase 3, about 100 participants, started in May
            2025. Check the registry record for the latest.*
        """,
        "what_it_means": """
            This trial is not for people with MS. It matters because it tests a different kind of CAR T:
            one that fades after a short time and is given in several doses.

            If it proves safe and useful, researchers may try the same idea in other diseases. We do not
            know whether it would suit MS.
        """,
    },
    {
        "nct_id": "NCT05869955",
        "slug": "breakfree-1-cc-97540-lupus-myositis-sclerosis",
        "workflow": PUBLISHED,
        "published_on": "2026-01-27",
        "last_reviewed": "2026-09-23",
        "tags": ["car-t", "cd19", "lupus", "safety", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": None,
        "registry": {
            "title": (
                "A Study of CC-97540, CD-19-Targeted Nex-T CAR T Cells, in Participants With Severe, Refractory "
                "Autoimmune Diseases (Breakfree-1)"
            ),
            "acronym": "Breakfree-1",
            "sponsor": "Bristol-Myers Squibb",
            "sponsor_class": "INDUSTRY",
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1"],
            "overall_status": "RECRUITING",
            "conditions": [
                "Systemic Lupus Erythematosus",
                "Idiopathic Inflammatory Myopathy",
                "Systemic Sclerosis",
                "Rheumatoid Arthritis",
            ],
            "interventions": ["CC-97540", "Fludarabine", "Cyclophosphamide"],
            "enrollment": 270,
            "enrollment_type": "ESTIMATED",
            "start_date": "2023-09-13",
            "start_date_type": "ACTUAL",
            "last_update_posted": "2026-01-13",
        },
        "locations": [],
        "summary": (
            "A large phase 1 study of the CD19 CAR T-cell therapy CC-97540 in severe lupus, myositis, "
            "systemic sclerosis and rheumatoid arthritis."
        ),
        "body": """
            Bristol Myers Squibb runs Breakfree-1. It tests CC-97540 (BMS-986353). This is the same CD19 CAR
            T-cell therapy that the Breakfree-2 study is testing in MS.

            People in this study have severe autoimmune disease that did not get better with several other
            treatments.

            In October 2025 the company shared early results from 71 treated people at a rheumatology
            meeting. It said most side effects happened soon after the infusion and settled with standard
            care. These are early results reported by the company. Full peer-reviewed results are still
            to come.

            *Registry facts as of January 2026: recruiting, phase 1, about 270 participants, started in
            September 2023. Check the registry record for the latest.*
        """,
        "what_it_means": """
            This study is not for people with MS. It is one of the largest sources of safety information
            about a CAR T product that is also being tested in MS.
        """,
    },
    {
        "nct_id": "NCT05938725",
        "slug": "kysa-1-kyv-101-lupus-nephritis",
        "workflow": DRAFT,
        "published_on": None,
        "last_reviewed": None,
        "tags": ["car-t", "cd19", "lupus", "trials"],
        "car_t_target": "cd19",
        "registry_checked_at": None,
        "registry": {
            "title": (
                "KYSA-1: A Study of Anti-CD19 Chimeric Antigen Receptor T-Cell (CD19 CAR T) Therapy, in Subjects "
                "With Refractory Lupus Nephritis"
            ),
            "sponsor": "Kyverna Therapeutics",
            "sponsor_class": "INDUSTRY",
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1", "PHASE2"],
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "conditions": ["Lupus Nephritis"],
            "interventions": ["KYV-101 anti-CD19 CAR-T cell therapy", "Standard lymphodepletion regimen"],
            "start_date": "2023-04-28",
            "start_date_type": "ACTUAL",
            "last_update_posted": "2025-10-29",
        },
        "locations": [],
        "summary": (
            "A phase 1/2 study of the CD19 CAR T-cell therapy KYV-101 in lupus kidney disease that did not "
            "respond to standard treatment."
        ),
        "body": """
            Kyverna Therapeutics runs KYSA-1. It tests KYV-101 in adults with lupus nephritis. This is lupus
            that affects the kidneys.

            *Registry facts as of October 2025: active, not recruiting, phase 1/2, started in April 2023.*

            **Note for the reviewer:** we have seen reports that the sponsor may have stopped this study.
            Check the registry record and update the status before this page is published.
        """,
        "what_it_means": """
            This study is not for people with MS. KYSA-1 was one of the first company trials of KYV-101,
            the product also tested in the UCSF progressive MS study.
        """,
    },
]

# ---------------------------------------------------------------------------------------------
# Articles

MS_SOCIETY_UK = {"title": "MS Society (UK)", "url": "https://www.mssociety.org.uk/"}
NATIONAL_MS_SOCIETY = {"title": "National MS Society (US)", "url": "https://www.nationalmssociety.org/"}


def registry_source(nct_id: str, label: str) -> dict[str, str]:
    return {"title": f"ClinicalTrials.gov record {nct_id}: {label}", "url": f"https://clinicaltrials.gov/study/{nct_id}"}


ARTICLES = [
    {
        "slug": "car-t-and-ms-the-basics",
        "title": "CAR T-cell therapy and MS: the basics",
        "workflow": PUBLISHED,
        "published_on": "2025-03-12",
        "last_reviewed": "2026-10-20",
        "tags": ["car-t", "cd19", "trials"],
        "summary": (
            "What CAR T-cell therapy is, why researchers are testing it in MS, and why it is still only "
            "available in trials."
        ),
        "body": """
            ## What is CAR T-cell therapy?

            CAR T-cell therapy uses your own immune cells as a medicine. Doctors collect some of your white
            blood cells, called T cells. A lab changes them so they can find one marker on other cells. The
            changed cells are called CAR T cells. They are given back to you through a drip.

            The first CAR T therapies were made for some blood cancers. There, they remove cancerous B cells.
            B cells are another type of white blood cell.

            ## Why test it in MS?

            In MS, the immune system attacks the coating around nerves in the brain and spinal cord. B cells
            play a big part in this. Some of the strongest MS medicines already lower B cells. Examples are
            ocrelizumab and ofatumumab.

            CAR T cells may reach B cells that these medicines miss, for example in lymph nodes or in the
            brain. Researchers want to know whether one treatment could "reset" the immune system. This idea
            is not proven.

            ## What do we know so far?

            As of November 2026, the evidence in MS comes from a small number of people. Most were treated in
            early (phase 1) studies or as single cases. Early studies look mainly at safety. They are too
            small to show whether the treatment slows MS.

            In other autoimmune diseases, such as lupus, some people have stayed well without other medicines
            for a year or more after CAR T. We do not yet know if this will happen in MS.

            ## What is still unknown

            - Whether CAR T slows disability in MS, especially progressive MS.
            - How long any benefit lasts.
            - The risks over many years.
            - Which people, if any, are most likely to benefit.

            ## Can I get it?

            As of November 2026, no CAR T-cell therapy is approved for MS. The only safe way to get it is
            to join a clinical trial. See our trial list and talk to your MS team.
        """,
        "sources": [
            NATIONAL_MS_SOCIETY,
            MS_SOCIETY_UK,
            registry_source("NCT06451159", "KYV-101 in progressive MS"),
            registry_source("NCT06220201", "CC-97540 in relapsing or progressive MS"),
        ],
        "related_trials": ["NCT06451159", "NCT06220201", "NCT06675864"],
    },
    {
        "slug": "cd19-or-bcma-what-the-target-means",
        "title": "CD19 or BCMA: what the target means",
        "workflow": PUBLISHED,
        "published_on": "2025-06-03",
        "last_reviewed": "2026-10-20",
        "tags": ["car-t", "cd19", "bcma", "nmosd"],
        "summary": (
            "Each CAR T therapy is built to find one marker. Here is what CD19 and BCMA are, and why the "
            "choice matters."
        ),
        "body": """
            Every CAR T therapy is built to find one marker on the cells it should remove. This marker is
            called the target. The two targets you will see most often are CD19 and BCMA.

            ## CD19

            CD19 sits on the surface of most B cells, from young ones to mature ones. CD19 CAR T cells remove
            these B cells from the blood, and probably from other tissues too. In MS research, examples are
            KYV-101, CC-97540 and YTB323.

            Most plasma cells do not carry CD19. Plasma cells are long-lived cells that make antibodies. So in
            studies so far, many existing antibodies, such as those from past vaccines, have stayed.

            ## BCMA

            BCMA sits mainly on plasma cells. BCMA CAR T cells aim at these antibody factories. This makes
            sense in diseases caused by one harmful antibody. Examples are NMOSD and myasthenia gravis.

            In MS, no single harmful antibody is known. That is one reason most MS studies use CD19.

            ## How does this compare with MS medicines I know?

            Ocrelizumab, ofatumumab and rituximab aim at a marker called CD20. CD20 is also on B cells, but
            on fewer kinds of B cell than CD19. Researchers hope that aiming at CD19 reaches more of the cells
            that matter in MS. This has not been proven yet.

            ## Not all CAR T cells are the same

            Most CAR T cells are made to stay in the body for weeks or months after one dose. Others, like
            Descartes-08, carry the CAR for a short time only, so people get several doses. The design
            changes both the possible benefits and the risks.
        """,
        "sources": [
            registry_source("NCT06451159", "KYV-101 (CD19) in progressive MS"),
            registry_source("NCT04561557", "CT103A (BCMA) in antibody-driven nervous system diseases"),
            registry_source("NCT06799247", "Descartes-08 (BCMA, mRNA) in myasthenia gravis"),
            {
                "title": "Signal Transduction and Targeted Therapy: BCMA CAR T-cell therapy CT103A in NMOSD",
                "url": "https://www.nature.com/articles/s41392-022-01278-3",
            },
        ],
        "related_trials": ["NCT06451159", "NCT04561557", "NCT06799247", "NCT06675864"],
    },
    {
        "slug": "car-t-side-effects-crs-icans-infections",
        "title": "Side effects of CAR T: CRS, ICANS and infections",
        "workflow": PUBLISHED,
        "published_on": "2025-09-18",
        "last_reviewed": "2026-11-04",
        "tags": ["car-t", "safety"],
        "summary": (
            "The main risks of CAR T-cell therapy in plain words, and how trial teams watch for them."
        ),
        "body": """
            CAR T-cell therapy is a strong treatment with real risks. Here are the main ones, as understood
            in November 2026.

            ## Before the cells: chemotherapy

            Most CAR T treatments start with a few days of chemotherapy. This makes room for the new cells.
            It lowers your blood counts for a while. This can cause tiredness, sickness and a higher risk of
            infection. Some people lose some hair. It may affect fertility, so ask about this before you
            start. If you hope to have a baby in future, ask about storing eggs or sperm. Trials usually ask
            people to avoid pregnancy for a set time after treatment.

            ## Cytokine release syndrome (CRS)

            When CAR T cells get to work, they release chemical signals called cytokines. Too many can cause
            CRS. Signs include fever, chills, low blood pressure and feeling very unwell. It usually starts
            in the first two weeks. Doctors grade it from mild to severe. They have medicines to treat it.

            ## ICANS

            ICANS stands for immune effector cell-associated neurotoxicity syndrome. It affects the brain
            and nerves. Signs include confusion, trouble finding words, shaking and, rarely, seizures. It is
            usually short-lived and treatable, but it needs fast care. This is one reason you must stay near
            the treatment centre at first.

            ## Infections

            After treatment, your B cells drop and some antibody levels may fall. Chemotherapy lowers other
            blood cells too. So infections are more likely, sometimes for months. Teams may give medicines
            to prevent infections. They will also plan your vaccines with you.

            ## Longer-term questions

            - Blood counts can stay low for weeks.
            - Rare new blood cancers have been reported after CAR T for cancer. Regulators ask for people
              who get CAR T to be followed up for many years.
            - In the autoimmune studies reported so far, severe CRS and ICANS seem less common than in
              cancer. But far fewer people have been treated, so rare problems may not have shown up yet.
        """,
        "sources": [
            registry_source("NCT06451159", "KYV-101 in progressive MS (study visits and tests)"),
            registry_source("NCT06220201", "CC-97540 in relapsing or progressive MS"),
            MS_SOCIETY_UK,
        ],
        "related_trials": ["NCT06451159", "NCT06220201", "NCT05869955"],
    },
    {
        "slug": "car-t-for-progressive-ms-early-studies",
        "title": "CAR T for progressive MS: what early studies can tell us",
        "workflow": PUBLISHED,
        "published_on": "2026-02-10",
        "last_reviewed": "2026-11-04",
        "tags": ["car-t", "cd19", "progressive-ms", "trials"],
        "summary": (
            "Progressive MS has few treatment options. Here is what early CAR T studies are testing, and "
            "what they cannot show yet."
        ),
        "body": """
            In progressive MS, disability builds up over time, with or without relapses. There are few
            treatments for it. So many people with progressive MS follow CAR T research closely.

            ## Why progressive MS?

            In progressive MS, some of the harm seems to happen behind the blood-brain barrier. Groups of
            immune cells, including B cells, can sit in the linings of the brain. Most antibody medicines
            do not get into the brain well. CAR T cells are living cells. Researchers think they may reach
            places that antibody medicines cannot. Small early reports found CAR T cells in spinal fluid
            after treatment.

            ## The studies we follow

            - A phase 1 study of KYV-101 at UCSF (NCT06451159). On 15 September 2026 its record said it was
              active but not taking new people. It planned about 10 participants.
            - A phase 1/2 study of YTB323 by Novartis in progressive MS without recent inflammation
              (NCT06675864).
            - A phase 1 study of CC-97540 in relapsing and progressive MS (NCT06220201).
            - A phase 1/2 study of CABA-201 (RESET-MS, NCT07006805). It was withdrawn before anyone joined.

            ## What early studies can and cannot tell us

            Phase 1 studies are small. They look mostly at safety and dose. They usually have no comparison
            group. In progressive MS, change is slow. It can take years to know whether disability has
            really stopped getting worse. So a good result in a few people after one year is a reason for
            bigger studies. It is not proof.

            ## Questions for your neurologist

            - Do my type of MS and my disability level fit what these trials accept?
            - Which of my medicines would I need to stop, and when?
            - What are the risks for me, with my other health conditions?
        """,
        "sources": [
            registry_source("NCT06451159", "KYV-101 in progressive MS"),
            registry_source("NCT06675864", "YTB323 in non-active progressive MS"),
            registry_source("NCT07006805", "RESET-MS (withdrawn)"),
            NATIONAL_MS_SOCIETY,
        ],
        "related_trials": ["NCT06451159", "NCT06675864", "NCT06220201", "NCT07006805"],
    },
    {
        "slug": "lessons-from-lupus-myasthenia-and-nmosd",
        "title": "What lupus, myasthenia gravis and NMOSD can teach us",
        "workflow": PUBLISHED,
        "published_on": "2026-05-21",
        "last_reviewed": "2026-10-29",
        "tags": ["car-t", "lupus", "myasthenia-gravis", "nmosd", "safety"],
        "summary": (
            "CAR T is being tested in other autoimmune diseases. Their results help, but they do not answer "
            "the questions about MS."
        ),
        "body": """
            MS is not the only autoimmune disease where CAR T is being tried. Studies in other diseases
            started earlier. They give useful clues, but each disease is different.

            ## Lupus

            Lupus can harm the skin, joints, kidneys and other organs. Doctors in Germany first reported
            CD19 CAR T in lupus in 2021 and 2022. Several people stopped their other lupus medicines and
            stayed well during follow-up. Larger company studies are now running, such as Breakfree-1
            (NCT05869955). As of November 2026, longer-term results are still coming in.

            ## Myasthenia gravis

            Myasthenia gravis causes muscle weakness. Antibodies block the signals between nerves and
            muscles. The KYSA-6 trial (NCT06193889) compares the CD19 CAR T KYV-101 with usual care. The
            AURORA trial (NCT06799247) tests Descartes-08, a BCMA CAR T given in several doses.

            ## NMOSD

            NMOSD can look like MS but is a different disease. Most people with it have an antibody against
            a protein called aquaporin-4. A team at Tongji Hospital in Wuhan, China, is testing a BCMA CAR T
            called CT103A (NCT04561557). Early results in a small group have been published.

            ## What this means for MS

            These diseases have clearer antibody causes than MS. So a good result in lupus or myasthenia
            does not predict a good result in MS. What they do show is how the treatment behaves in people
            who do not have cancer. That helps MS researchers plan safer studies.
        """,
        "sources": [
            registry_source("NCT05869955", "Breakfree-1 in lupus and other autoimmune diseases"),
            registry_source("NCT06193889", "KYSA-6 in myasthenia gravis"),
            registry_source("NCT06799247", "AURORA in myasthenia gravis"),
            registry_source("NCT04561557", "CT103A in NMOSD and related diseases"),
        ],
        "related_trials": ["NCT05869955", "NCT06193889", "NCT06799247", "NCT04561557"],
    },
    {
        "slug": "why-some-trials-stop-before-they-start",
        "title": "Why some trials stop before they start",
        "workflow": IN_REVIEW,
        "published_on": None,
        "last_reviewed": None,
        "tags": ["trials", "progressive-ms"],
        "summary": "RESET-MS was withdrawn before anyone joined. Here is what that means and why it happens.",
        "body": """
            A trial record can say "withdrawn". This means the study stopped before anyone took part. It is
            different from "terminated", which means a study stopped after people had joined.

            ## The RESET-MS example

            RESET-MS (NCT07006805) planned to test CABA-201, a CD19 CAR T, in relapsing and progressive MS.
            The record says it was withdrawn before any sites opened and before anyone joined. The reason
            given is that the company changed its priorities.

            ## Why companies stop trials

            - Money and priorities change.
            - Results from other studies change plans.
            - Safety worries. If this is the reason, the record usually says so.

            A withdrawn trial does not mean the treatment was unsafe in MS. No one in RESET-MS was treated.

            ## If a trial you follow stops

            Read the reason in the registry record. Ask your MS team about other studies. Our trial pages
            show each trial's status and the date of the registry facts.
        """,
        "sources": [
            registry_source("NCT07006805", "RESET-MS (withdrawn)"),
            {"title": "ClinicalTrials.gov", "url": "https://clinicaltrials.gov/"},
        ],
        "related_trials": ["NCT07006805"],
    },
    {
        "slug": "getting-ready-for-a-trial-appointment",
        "title": "Getting ready for a trial appointment: a checklist",
        "workflow": DRAFT,
        "published_on": None,
        "last_reviewed": None,
        "tags": ["trials"],
        "summary": "Things to gather and questions to ask before you meet a trial team.",
        "body": """
            ## Bring with you

            - A list of your MS medicines, past and present, with dates.
            - Your most recent MRI reports and letters from your neurologist.
            - The trial's NCT number and a printout of its registry record.

            ## Questions to ask

            - How many visits are there, and how long will I need to stay near the hospital?
            - Which costs are paid for, such as travel and hotel stays?
            - What happens to my usual MS treatment during and after the trial?
            - Who do I call if I feel unwell at night?
        """,
        "sources": [MS_SOCIETY_UK, NATIONAL_MS_SOCIETY],
        "related_trials": [],
    },
]

# ---------------------------------------------------------------------------------------------
# FAQs

CATEGORIES = [
    {"slug": "the-basics", "name": "The basics", "position": 1,
     "description": "What CAR T-cell therapy is and where MS research stands."},
    {"slug": "safety-and-side-effects", "name": "Safety and side effects", "position": 2,
     "description": "Known risks, and what is still unknown."},
    {"slug": "joining-a-trial", "name": "Joining a trial", "position": 3,
     "description": "Who can take part, what happens, and how to ask."},
    {"slug": "money-and-practical-matters", "name": "Money and practical matters", "position": 4,
     "description": "Costs, travel and offers outside trials."},
]

QUESTIONS = [
    {
        "slug": "is-car-t-available-for-ms",
        "title": "Is CAR T available for MS?",
        "category": "the-basics",
        "position": 1,
        "featured": True,
        "workflow": PUBLISHED,
        "published_on": "2025-03-12",
        "last_reviewed": "2026-11-04",
        "tags": ["car-t", "trials"],
        "summary": "Not as a standard treatment. As of November 2026, the only safe route is a clinical trial.",
        "body": """
            As of November 2026, no CAR T-cell therapy is approved for MS. You cannot get it through the NHS
            or a regular MS clinic.

            The only safe way to receive it is within a clinical trial. Trials have strict entry rules and
            only a few places.

            Some clinics abroad sell unproven cell treatments. Please talk to your MS team before you
            consider anything like this.
        """,
    },
    {
        "slug": "what-is-cd19-vs-bcma",
        "title": "What is the difference between CD19 and BCMA?",
        "category": "the-basics",
        "position": 2,
        "featured": True,
        "workflow": PUBLISHED,
        "published_on": "2025-06-03",
        "last_reviewed": "2026-10-20",
        "tags": ["cd19", "bcma", "car-t"],
        "summary": (
            "They are the markers CAR T cells are built to find. CD19 is on most B cells; BCMA is mainly "
            "on plasma cells."
        ),
        "body": """
            CD19 and BCMA are markers on the surface of immune cells. A CAR T therapy is built to find one
            of them.

            - **CD19** is on most B cells. Most CAR T studies in MS use CD19.
            - **BCMA** is mainly on plasma cells, which make antibodies. It is being tried in diseases
              caused by one harmful antibody, such as NMOSD and myasthenia gravis.

            Our article "CD19 or BCMA: what the target means" explains more.
        """,
    },
    {
        "slug": "how-long-does-car-t-last",
        "title": "How long does CAR T last?",
        "category": "the-basics",
        "position": 3,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2025-11-05",
        "last_reviewed": "2026-10-20",
        "tags": ["car-t", "cd19"],
        "summary": "Nobody knows yet for MS. Follow-up in MS studies is still short.",
        "body": """
            Nobody knows yet for MS.

            CAR T is usually given once. B cells often come back within months. The hope is that the new B
            cells no longer cause harm. In lupus, some people have stayed well without other medicines for
            more than a year. In MS, follow-up is still short, as of November 2026.

            Some trials will follow people for up to 15 years, partly to check long-term safety.
        """,
    },
    {
        "slug": "does-car-t-work-for-progressive-ms",
        "title": "Does CAR T work for progressive MS?",
        "category": "the-basics",
        "position": 4,
        "featured": True,
        "workflow": PUBLISHED,
        "published_on": "2026-02-10",
        "last_reviewed": "2026-11-04",
        "tags": ["progressive-ms", "car-t"],
        "summary": "We do not know yet. Only small, early studies have been done so far.",
        "body": """
            We do not know yet. As of November 2026, only small, early studies have treated people with
            progressive MS.

            Early studies check safety. They are too small, and too short, to show whether disability stops
            getting worse. Larger studies with longer follow-up are needed.

            Be careful with any claim that CAR T reverses progressive MS. There is no good evidence for
            that.
        """,
    },
    {
        "slug": "is-car-t-safer-for-autoimmune-disease-than-for-cancer",
        "title": "Is CAR T safer for autoimmune disease than for cancer?",
        "category": "safety-and-side-effects",
        "position": 1,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2025-09-18",
        "last_reviewed": "2026-11-04",
        "tags": ["safety", "car-t"],
        "summary": "It may be, but far fewer people have been treated, so we cannot be sure yet.",
        "body": """
            It may be, but we cannot be sure yet.

            People with cancer are often very ill and have had many treatments before CAR T. People with
            autoimmune disease usually start out healthier. In the studies reported so far, as of November
            2026, serious CRS and ICANS have been less common than in cancer.

            But far fewer people with autoimmune disease have been treated. Rare or late side effects may not
            have shown up yet.
        """,
    },
    {
        "slug": "what-are-the-side-effects-of-car-t",
        "title": "What are the side effects of CAR T (CRS, ICANS, infections)?",
        "category": "safety-and-side-effects",
        "position": 2,
        "featured": True,
        "workflow": PUBLISHED,
        "published_on": "2025-09-18",
        "last_reviewed": "2026-11-04",
        "tags": ["safety", "car-t"],
        "summary": "The main risks are CRS, ICANS, infections and low blood counts, plus the effects of chemotherapy.",
        "body": """
            The main risks are:

            - **Cytokine release syndrome (CRS):** fever, chills and low blood pressure, usually in the first
              two weeks.
            - **ICANS:** confusion, trouble finding words or shaking. It is usually short-lived but needs
              fast care.
            - **Infections:** more likely for months, because B cells and other blood cells drop.
            - **Chemotherapy side effects:** low blood counts, tiredness, and possible effects on fertility.

            Trial teams watch closely for all of these. Our article on side effects explains each one.
        """,
    },
    {
        "slug": "will-i-have-to-stop-my-current-dmt",
        "title": "Will I have to stop my current DMT?",
        "category": "safety-and-side-effects",
        "position": 3,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2025-12-02",
        "last_reviewed": "2026-10-14",
        "tags": ["trials", "safety"],
        "summary": "Often, yes, for a while. Never stop a medicine on your own.",
        "body": """
            Often, yes, for a while. Many trials ask you to stop some MS medicines weeks or months before
            treatment. This gap is called a washout. Some medicines affect the immune cells the trial needs
            to collect.

            Never stop a medicine on your own. Stopping some MS medicines, such as natalizumab or
            fingolimod, can make MS flare up. Your neurologist and the trial team should plan any change
            together.
        """,
    },
    {
        "slug": "does-car-t-affect-fertility",
        "title": "Does CAR T affect fertility or plans for a family?",
        "category": "safety-and-side-effects",
        "position": 4,
        "featured": False,
        "workflow": IN_REVIEW,
        "published_on": None,
        "last_reviewed": None,
        "tags": ["safety"],
        "summary": "The chemotherapy before CAR T can affect fertility. Ask before you start.",
        "body": """
            The chemotherapy given before CAR T can affect fertility. Trials usually ask people to use
            reliable contraception for a set time. Ask about storing eggs or sperm before treatment.

            Little is known yet about pregnancy after CAR T for autoimmune disease. Talk to the trial team
            early if you are planning a family.
        """,
    },
    {
        "slug": "who-can-join-a-car-t-trial",
        "title": "Who can join a CAR T trial?",
        "category": "joining-a-trial",
        "position": 1,
        "featured": True,
        "workflow": PUBLISHED,
        "published_on": "2025-04-15",
        "last_reviewed": "2026-10-14",
        "tags": ["trials"],
        "summary": "Each trial has its own rules, listed under eligibility in its registry record.",
        "body": """
            Each trial has its own rules. They are listed under "eligibility" in the trial's registry
            record. In MS CAR T trials, as of November 2026, common rules include:

            - An age range, for example 18 to 60, or 25 to 70.
            - A type of MS, such as relapsing or progressive.
            - A disability level within a set range, measured on the EDSS scale.
            - MS that kept getting worse despite other treatments.
            - Good heart, liver and kidney health, and no serious infections.

            The trial team decides if you fit. Meeting the rules does not guarantee a place.
        """,
    },
    {
        "slug": "what-happens-during-car-t-treatment",
        "title": "What happens during CAR T treatment?",
        "category": "joining-a-trial",
        "position": 2,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2025-05-27",
        "last_reviewed": "2026-10-14",
        "tags": ["car-t", "trials"],
        "summary": (
            "Screening, cell collection, a few weeks of waiting, chemotherapy, the infusion, then close "
            "follow-up."
        ),
        "body": """
            The usual steps are:

            1. **Screening:** tests to check you can take part. This can take several weeks.
            2. **Collection:** a machine separates white cells from your blood. This takes a few hours.
            3. **Making the cells:** the lab takes a few weeks.
            4. **Chemotherapy:** a few days of chemotherapy to make room for the new cells.
            5. **Infusion:** the cells go in through a drip.
            6. **Close watch:** a hospital stay, then staying near the centre for a while. In the UCSF
               progressive MS study, the hospital stay is about 8 days.
            7. **Follow-up:** regular visits, scans and blood tests, for years.

            Details differ between trials. Ask the trial team for a timetable.
        """,
    },
    {
        "slug": "how-do-i-talk-to-my-neurologist-about-a-trial",
        "title": "How do I talk to my neurologist about a trial?",
        "category": "joining-a-trial",
        "position": 3,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2026-01-13",
        "last_reviewed": "2026-10-14",
        "tags": ["trials"],
        "summary": "Bring the trial's NCT number, your questions, and ask whether it suits you.",
        "body": """
            - Note the trial's NCT number, for example NCT06451159. Print its registry record if you can.
            - Write down your questions before the appointment.
            - Ask: "Do you think I might fit this trial? What are the risks for me?"
            - Ask whether they can contact the trial team or refer you.

            Your neurologist may not know every trial. That is normal. New trials open all the time.
        """,
    },
    {
        "slug": "where-are-car-t-trials-running",
        "title": "Where are CAR T trials running?",
        "category": "joining-a-trial",
        "position": 4,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2026-04-07",
        "last_reviewed": "2026-11-04",
        "tags": ["trials"],
        "summary": "Mostly in the US, Europe and China, with a few UK sites. Sites change often.",
        "body": """
            As of November 2026, most CAR T trials for MS and related diseases run in the United States,
            Germany and other parts of Europe, and China. A few have sites in the UK.

            Sites open and close often. Check each trial page on this site and its registry record. Sites
            marked "recruiting" are the ones taking new people.
        """,
    },
    {
        "slug": "how-much-does-car-t-cost",
        "title": "How much does CAR T cost? Is it free in a trial?",
        "category": "money-and-practical-matters",
        "position": 1,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2025-11-05",
        "last_reviewed": "2026-10-29",
        "tags": ["trials"],
        "summary": "In most trials the sponsor pays for the treatment. Travel and stays may not be covered.",
        "body": """
            In most clinical trials, the sponsor pays for the study treatment and the study tests. You should
            not be asked to pay for an experimental treatment in a proper trial.

            Travel, hotel stays and time off work may or may not be covered. Ask the trial team, in writing,
            what is paid for.

            CAR T for blood cancer costs hundreds of thousands of pounds per person. Price will be a big
            question if CAR T is ever approved for MS.
        """,
    },
    {
        "slug": "can-i-pay-for-car-t-privately-or-abroad",
        "title": "Can I pay for CAR T privately or abroad?",
        "category": "money-and-practical-matters",
        "position": 2,
        "featured": False,
        "workflow": PUBLISHED,
        "published_on": "2026-06-16",
        "last_reviewed": "2026-10-29",
        "tags": ["car-t", "safety"],
        "summary": (
            "As of November 2026 no CAR T is approved for MS, so any offer outside a registered trial is "
            "unproven."
        ),
        "body": """
            As of November 2026, no CAR T-cell therapy is approved for MS. So any offer outside a registered
            trial is unproven.

            Some clinics sell "stem cell" or "immune" treatments that are not CAR T at all. Before you
            consider anything, check that it is a registered trial with a registry number, such as an NCT
            number. Talk to your MS team.

            Being asked to pay to take part in research is a warning sign.
        """,
    },
]
