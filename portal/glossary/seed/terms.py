"""The seed glossary that `manage.py load_glossary` installs, written for this site in our own words.

Each entry: a stable `key` (also the slug), the preferred `title`, a `category`, a plain-language
`definition` (Markdown, one to three sentences, no promises of a cure) and its other names by kind.
Names in `case` only match with exactly those capitals (abbreviations that are also ordinary words
or units, such as MG and mg). Changing an entry here updates the term on the next load unless an
editor has changed that term since (see `portal/glossary/seed/loader.py`).

The wording has not yet been checked by a clinician: `last_reviewed` stays empty until an editor
with medical training reviews each term in the admin.
"""

from __future__ import annotations

# Bump when the entries change, so `load_glossary` reports which seed a database has.
SEED_VERSION = 1


def term(key, title, category, definition, **variants):
    return {"key": key, "title": title, "category": category, "definition": " ".join(definition.split()),
            "variants": {kind: list(names) for kind, names in variants.items()}}


TERMS = [
    # ---------------------------------------------------------------- Types of MS
    term("relapsing-remitting-ms", "relapsing-remitting MS", "ms_types",
         """The most common form of MS at diagnosis. People have relapses (new or worse symptoms) followed by
         periods of partial or full recovery.""",
         abbreviation=["RRMS"], synonym=["relapsing MS", "relapsing multiple sclerosis",
                                         "relapsing-remitting multiple sclerosis"]),
    term("secondary-progressive-ms", "secondary progressive MS", "ms_types",
         """A later stage that some people with relapsing MS move into, where disability increases steadily
         with or without relapses.""",
         abbreviation=["SPMS"], synonym=["secondary progressive multiple sclerosis", "secondary-progressive MS"]),
    term("primary-progressive-ms", "primary progressive MS", "ms_types",
         """A form of MS where symptoms get gradually worse from the start, usually without clear relapses.
         About one in ten people with MS have it.""",
         abbreviation=["PPMS"], synonym=["primary progressive multiple sclerosis", "primary-progressive MS"]),
    term("progressive-ms", "progressive MS", "ms_types",
         """An umbrella term for primary and secondary progressive MS, where disability builds up over time
         rather than mainly in relapses.""",
         synonym=["progressive multiple sclerosis", "progressive forms of MS"]),
    term("non-active-progressive-ms", "non-active progressive MS", "ms_types",
         """Progressive MS with no recent relapses and no new inflammation on MRI scans. Fewer treatments
         have been shown to help this form, which is why trials study it.""",
         synonym=["non-active SPMS", "inactive progressive MS"]),
    term("clinically-isolated-syndrome", "clinically isolated syndrome", "ms_types",
         """A first episode of MS-like symptoms lasting at least 24 hours. Some people go on to be diagnosed
         with MS and some never have another episode.""",
         abbreviation=["CIS"]),
    term("radiologically-isolated-syndrome", "radiologically isolated syndrome", "ms_types",
         """MS-like changes seen on an MRI scan done for another reason, in someone who has no MS symptoms.""",
         abbreviation=["RIS"]),
    term("relapse", "relapse", "ms_types",
         """New symptoms, or old symptoms getting clearly worse, lasting more than 24 hours and not explained
         by an infection or heat. Relapses often improve over weeks or months.""",
         synonym=["relapses", "MS relapse", "MS attack", "flare-up", "exacerbation"]),
    term("pseudorelapse", "pseudorelapse", "ms_types",
         """A short-lived return or worsening of old symptoms caused by something else, such as an infection,
         fever, heat or stress, rather than new MS activity.""",
         spelling=["pseudo-relapse"], synonym=["pseudo-exacerbation", "fake relapse"]),
    term("disease-progression", "disability progression", "ms_types",
         """Disability that gets worse and stays worse over months, measured in trials with scales such as
         the EDSS.""",
         synonym=["disease progression", "disability worsening", "confirmed disability progression"],
         abbreviation=["CDP"]),
    term("pira", "progression independent of relapse activity", "ms_types",
         """Disability that worsens slowly without relapses, even in relapsing MS. It is a main target of
         newer treatments and trials.""",
         abbreviation=["PIRA"], synonym=["silent progression", "smouldering MS"], spelling=["smoldering MS"]),
    term("neda", "no evidence of disease activity", "ms_types",
         """A treatment goal used in studies: no relapses, no new MRI lesions and no worsening of disability
         over a set time.""",
         abbreviation=["NEDA", "NEDA-3"]),
    term("highly-active-ms", "highly active MS", "ms_types",
         """MS with frequent relapses or many new lesions despite treatment. Doctors may then offer stronger
         treatments.""",
         synonym=["highly active relapsing MS", "aggressive MS"]),
    term("paediatric-ms", "paediatric MS", "ms_types",
         """MS that starts in childhood or the teenage years, before 18.""",
         spelling=["pediatric MS"], synonym=["childhood MS", "MS in children"]),

    # ---------------------------------------------------------------- Symptoms
    term("paresthesia", "paresthesia", "symptoms",
         """Unusual feelings in the skin such as tingling, prickling or buzzing, caused by damaged nerve
         pathways. A very common MS symptom.""",
         lay=["pins and needles", "tingling", "prickling"], spelling=["paraesthesia", "paresthesias"]),
    term("numbness", "numbness", "symptoms",
         """Reduced or lost feeling in part of the body, for example a hand, a foot or one side of the face.""",
         lay=["loss of feeling", "numb"], synonym=["hypoesthesia"], spelling=["hypoaesthesia"]),
    term("cognitive-problems", "cognitive problems", "symptoms",
         """Changes in memory, attention, thinking speed or finding words. They affect many people with MS and
         can often be helped with strategies and rehabilitation.""",
         lay=["brain fog", "cog fog", "memory problems", "thinking problems", "trouble concentrating"],
         synonym=["cognitive impairment", "cognitive dysfunction", "cognition"]),
    term("optic-neuritis", "optic neuritis", "symptoms",
         """Inflammation of the nerve that carries signals from the eye to the brain. It often causes pain on
         moving the eye and blurred or dim vision in one eye, and is a common first sign of MS.""",
         lay=["eye pain and blurry vision", "blurry vision", "blurred vision", "vision loss in one eye"]),
    term("fatigue", "fatigue", "symptoms",
         """An overwhelming tiredness that rest does not fully relieve. It is one of the most common and
         disabling MS symptoms.""",
         lay=["tiredness", "exhaustion", "always tired"], synonym=["MS fatigue"]),
    term("spasticity", "spasticity", "symptoms",
         """Muscle stiffness or tightness, sometimes with sudden spasms, because nerve signals controlling the
         muscles are disrupted.""",
         lay=["stiff muscles", "muscle stiffness", "muscle spasms", "tight muscles"], synonym=["spasms"]),
    term("bladder-problems", "bladder problems", "symptoms",
         """Needing to pass urine often or urgently, leaking, or not emptying the bladder fully. Treatments and
         specialist nurses can help.""",
         lay=["needing to pee urgently", "needing the toilet often", "leaking urine"],
         synonym=["bladder dysfunction", "overactive bladder", "urinary urgency", "incontinence"]),
    term("bowel-problems", "bowel problems", "symptoms",
         """Constipation or, less often, urgency or accidents, because MS can affect the nerves that control
         the bowel.""",
         synonym=["bowel dysfunction", "constipation"]),
    term("uhthoffs-phenomenon", "Uhthoff's phenomenon", "symptoms",
         """Symptoms that get temporarily worse when the body is warm, for example after a hot bath, exercise
         or a fever. They settle once the body cools and do not mean new damage.""",
         spelling=["Uhthoff phenomenon", "Uhthoffs phenomenon", "Uhthoff's sign", "Uhthoff's"],
         lay=["heat sensitivity", "worse in the heat", "heat intolerance"]),
    term("lhermittes-sign", "Lhermitte's sign", "symptoms",
         """A brief electric-shock feeling running down the back or into the limbs when bending the head
         forward. It comes from damage in the neck part of the spinal cord.""",
         spelling=["L'hermitte's sign", "L'hermitte's", "Lhermitte's", "Lhermitte sign", "Lhermitte's phenomenon"],
         lay=["electric shock feeling when bending the neck", "electric shocks down the spine"]),
    term("ms-hug", "MS hug", "symptoms",
         """A squeezing or banding feeling around the chest or waist, caused by nerve signals to the small
         muscles between the ribs. It can be frightening; chest pain should always be checked by a doctor.""",
         lay=["band around the chest", "tight band around the chest"], synonym=["girdle sensation"]),
    term("neuropathic-pain", "neuropathic pain", "symptoms",
         """Pain caused by damaged nerve pathways, often burning, stabbing or electric. It is treated
         differently from pain from muscles or joints.""",
         lay=["nerve pain", "burning pain"], synonym=["central pain", "trigeminal neuralgia"]),
    term("walking-difficulties", "walking difficulties", "symptoms",
         """Problems with walking caused by weakness, stiffness, balance problems or fatigue. Walking speed is
         often measured in MS trials.""",
         lay=["trouble walking", "difficulty walking", "walking problems"],
         synonym=["gait problems", "mobility problems", "reduced mobility"]),
    term("foot-drop", "foot drop", "symptoms",
         """Difficulty lifting the front of the foot, so the toes catch or drag when walking.""",
         synonym=["dropped foot", "drop foot"]),
    term("balance-problems", "balance problems", "symptoms",
         """Feeling unsteady or falling more easily, because MS can affect the nerve pathways for balance and
         coordination.""",
         lay=["unsteadiness", "feeling unsteady"], synonym=["ataxia", "poor coordination"]),
    term("vertigo", "vertigo", "symptoms",
         """A feeling that you or the room are spinning. In MS it can come from lesions in the brainstem, but it
         also has many other causes.""",
         lay=["spinning dizziness", "dizziness", "dizzy"]),
    term("double-vision", "double vision", "symptoms",
         """Seeing two images of one object, when the nerves moving the eyes do not work together.""",
         synonym=["diplopia"]),
    term("tremor", "tremor", "symptoms",
         """Shaking of a part of the body, often the hands, especially when reaching for something.""",
         lay=["shaky hands"], synonym=["intention tremor"]),
    term("depression", "depression", "symptoms",
         """Persistent low mood or loss of interest. It is more common in people with MS and is treatable; it
         is worth raising with your MS team or family doctor.""",
         lay=["low mood", "feeling down"], synonym=["mood changes"]),
    term("speech-problems", "speech problems", "symptoms",
         """Slurred, slow or unclear speech because of weakness or poor coordination of the muscles used to
         speak.""",
         lay=["slurred speech"], synonym=["dysarthria"]),
    term("swallowing-problems", "swallowing problems", "symptoms",
         """Difficulty swallowing food, drink or tablets, or coughing when eating. A speech and language
         therapist can assess it.""",
         lay=["trouble swallowing"], synonym=["dysphagia"]),
    term("muscle-weakness", "muscle weakness", "symptoms",
         """Reduced strength in the arms or legs because nerve signals to the muscles are slowed or blocked.""",
         lay=["weak legs", "heavy legs"], synonym=["weakness"]),

    # ---------------------------------------------------------------- Tests and scores
    term("mri", "MRI", "tests",
         """A scanner that uses a strong magnet and radio waves, not X-rays, to make detailed pictures of the
         brain and spinal cord. It shows MS lesions and is used to diagnose and follow MS.""",
         synonym=["magnetic resonance imaging", "MRI scan", "MRI scans", "brain scan"]),
    term("gadolinium", "gadolinium", "tests",
         """A contrast dye injected during some MRI scans. Lesions that light up with it show active, recent
         inflammation.""",
         lay=["contrast dye", "MRI dye"], synonym=["gadolinium-enhancing lesions", "enhancing lesions",
                                                   "contrast agent"]),
    term("lesion", "lesion", "tests",
         """An area of damage or inflammation in the brain or spinal cord, seen on MRI. MS lesions are also
         called plaques.""",
         synonym=["lesions", "plaques", "white matter lesions", "new lesions"]),
    term("lumbar-puncture", "lumbar puncture", "tests",
         """A test where a thin needle is put into the lower back, between the bones of the spine, to take a
         small sample of the fluid around the spinal cord.""",
         lay=["spinal tap"], case=["LP"]),
    term("cerebrospinal-fluid", "cerebrospinal fluid", "tests",
         """The clear fluid around the brain and spinal cord. A sample is taken with a lumbar puncture.""",
         abbreviation=["CSF"], lay=["spinal fluid"]),
    term("oligoclonal-bands", "oligoclonal bands", "tests",
         """Antibody bands found in the spinal fluid of most people with MS. They show the immune system is
         active inside the central nervous system and can support a diagnosis.""",
         abbreviation=["OCB", "OCBs"], lay=["O-bands"]),
    term("edss", "EDSS", "tests",
         """The Expanded Disability Status Scale, a score from 0 (normal examination) to 10 that neurologists
         and trials use to measure disability in MS, with walking ability weighing heavily above 4.""",
         synonym=["Expanded Disability Status Scale", "EDSS score", "disability score"]),
    term("evoked-potentials", "evoked potentials", "tests",
         """Tests that measure how fast nerve signals travel, for example from the eyes to the brain while
         watching a pattern on a screen. Slowed signals can point to damaged myelin.""",
         abbreviation=["VEP", "VEPs"], synonym=["visual evoked potentials", "evoked potential test"]),
    term("neurofilament-light", "neurofilament light chain", "tests",
         """A protein released when nerve fibres are damaged. Its level in blood or spinal fluid is used in
         research as a sign of ongoing nerve damage.""",
         case=["NfL", "sNfL"], synonym=["neurofilament", "neurofilament light", "serum neurofilament light"]),
    term("mcdonald-criteria", "McDonald criteria", "tests",
         """The internationally agreed rules doctors use to diagnose MS, combining symptoms, MRI findings and
         sometimes spinal fluid tests.""",
         synonym=["diagnostic criteria for MS", "McDonald diagnostic criteria"]),
    term("brain-atrophy", "brain atrophy", "tests",
         """Loss of brain volume over time. It happens faster in MS than in normal ageing and is measured on MRI
         in research.""",
         lay=["brain shrinkage"], synonym=["brain volume loss"]),
    term("optical-coherence-tomography", "optical coherence tomography", "tests",
         """A quick, painless scan of the back of the eye that measures the thickness of nerve layers in the
         retina.""",
         case=["OCT"], synonym=["retinal scan"]),
    term("nine-hole-peg-test", "nine-hole peg test", "tests",
         """A timed test of hand and arm function: putting nine pegs into holes and taking them out again.""",
         spelling=["9-hole peg test", "9HPT"]),
    term("timed-25-foot-walk", "timed 25-foot walk", "tests",
         """A test of walking speed: how long it takes to walk 25 feet (about 7.6 metres).""",
         abbreviation=["T25FW"], synonym=["25-foot walk", "timed walk"]),
    term("jc-virus", "JC virus", "tests",
         """A common virus that is harmless for most people but can cause PML in people with a weakened immune
         system. A blood test for antibodies against it helps assess the risk with some MS drugs.""",
         abbreviation=["JCV"], synonym=["John Cunningham virus", "JC virus test", "JCV antibody test"]),

    # ---------------------------------------------------------------- MS drugs
    term("dmt", "disease-modifying therapy", "ms_drugs",
         """A long-term MS medicine that reduces relapses and new lesions and can slow disability. None of them
         cures MS; they differ in how well they work, how they are taken and their risks.""",
         abbreviation=["DMT", "DMTs"],
         synonym=["disease-modifying therapies", "disease-modifying treatment", "disease-modifying drug",
                  "disease-modifying drugs"]),
    term("ocrelizumab", "ocrelizumab", "ms_drugs",
         """An anti-CD20 antibody that removes B cells from the blood, given by drip every six months or as an
         injection under the skin. It is licensed for relapsing MS and for primary progressive MS (in some
         countries only early, active disease).""",
         brand=["Ocrevus", "Ocrevus Zunovo"]),
    term("ofatumumab", "ofatumumab", "ms_drugs",
         """An anti-CD20 antibody that people inject themselves under the skin once a month, after starting
         doses, for relapsing MS.""",
         brand=["Kesimpta", "Arzerra"]),
    term("rituximab", "rituximab", "ms_drugs",
         """An anti-CD20 antibody first developed for lymphoma. It is not licensed for MS in most countries but
         is sometimes used off-label.""",
         brand=["Rituxan", "MabThera", "Truxima", "Ruxience"]),
    term("ublituximab", "ublituximab", "ms_drugs",
         """An anti-CD20 antibody given by drip every six months for relapsing MS, with a shorter infusion time
         than older drugs of its kind.""",
         brand=["Briumvi"]),
    term("anti-cd20-therapy", "anti-CD20 therapy", "ms_drugs",
         """Antibody drugs that attach to CD20 on B cells and remove them, such as ocrelizumab, ofatumumab,
         ublituximab and rituximab. B cells slowly come back if the drug is stopped.""",
         synonym=["anti-CD20", "anti-CD20 antibodies", "anti-CD20 drugs", "CD20 antibodies"]),
    term("natalizumab", "natalizumab", "ms_drugs",
         """An antibody that stops immune cells from getting into the brain and spinal cord, given by drip or
         injection every four to six weeks. It carries a risk of PML, so people are checked for JC virus.""",
         brand=["Tysabri", "Tyruko"]),
    term("alemtuzumab", "alemtuzumab", "ms_drugs",
         """An antibody given as two short courses of drips a year apart that removes many immune cells, which
         then regrow. It can work well but needs years of monthly safety checks.""",
         brand=["Lemtrada", "Campath"]),
    term("cladribine", "cladribine", "ms_drugs",
         """Tablets taken on a few days in two yearly courses that lower certain white blood cells, for
         relapsing MS.""",
         brand=["Mavenclad"], synonym=["cladribine tablets"]),
    term("fingolimod", "fingolimod", "ms_drugs",
         """A daily capsule that keeps some immune cells inside the lymph nodes so fewer reach the brain. It is an
         S1P receptor modulator for relapsing MS.""",
         brand=["Gilenya"]),
    term("siponimod", "siponimod", "ms_drugs",
         """A daily tablet of the S1P receptor modulator type, licensed for active secondary progressive MS. A
         genetic test decides the dose.""",
         brand=["Mayzent"]),
    term("ozanimod", "ozanimod", "ms_drugs",
         """A daily capsule of the S1P receptor modulator type for relapsing MS.""",
         brand=["Zeposia"]),
    term("ponesimod", "ponesimod", "ms_drugs",
         """A daily tablet of the S1P receptor modulator type for relapsing MS.""",
         brand=["Ponvory"]),
    term("s1p-modulators", "S1P receptor modulators", "ms_drugs",
         """A group of daily pills (fingolimod, siponimod, ozanimod, ponesimod) that hold some immune cells in
         the lymph nodes. The first doses can slow the heart rate, so they are started with checks.""",
         abbreviation=["S1P modulators", "S1PR modulators"], synonym=["sphingosine 1-phosphate receptor modulators",
                                                                      "S1P receptor modulator"]),
    term("dimethyl-fumarate", "dimethyl fumarate", "ms_drugs",
         """A capsule taken twice a day for relapsing MS. Flushing and stomach upset are common at first, and
         blood counts are checked regularly.""",
         brand=["Tecfidera"], abbreviation=["DMF"]),
    term("diroximel-fumarate", "diroximel fumarate", "ms_drugs",
         """A capsule for relapsing MS that the body turns into the same active substance as dimethyl fumarate,
         with fewer stomach side effects for some people.""",
         brand=["Vumerity"]),
    term("monomethyl-fumarate", "monomethyl fumarate", "ms_drugs",
         """The active substance that dimethyl and diroximel fumarate become in the body, also sold as its own
         capsule for relapsing MS.""",
         brand=["Bafiertam"]),
    term("teriflunomide", "teriflunomide", "ms_drugs",
         """A daily tablet for relapsing MS that slows the multiplying of active immune cells. It must not be
         used in pregnancy, and it can be washed out of the body quickly with other medicines if needed.""",
         brand=["Aubagio"]),
    term("glatiramer-acetate", "glatiramer acetate", "ms_drugs",
         """An injection under the skin, daily or three times a week, that has been used for relapsing MS for
         decades. It is not known to raise the risk of infections.""",
         brand=["Copaxone", "Glatopa", "Brabio"], synonym=["glatiramer"]),
    term("interferon-beta", "interferon beta", "ms_drugs",
         """One of the oldest MS medicines, injected under the skin or into a muscle from every other day to
         every two weeks depending on the product. Flu-like symptoms after injections are common.""",
         brand=["Avonex", "Rebif", "Betaferon", "Betaseron", "Extavia", "Plegridy"],
         generic=["interferon beta-1a", "interferon beta-1b", "peginterferon beta-1a"],
         synonym=["beta interferon", "interferons", "interferon"]),
    term("btk-inhibitor", "BTK inhibitor", "ms_drugs",
         """A newer type of pill that blocks Bruton's tyrosine kinase, an enzyme inside B cells and microglia
         (immune cells of the brain). Several have been in late-stage trials for relapsing and progressive MS;
         ask your MS team about their current approval status where you live.""",
         abbreviation=["BTKi", "BTKis"], synonym=["BTK inhibitors", "Bruton's tyrosine kinase inhibitor",
                                                  "Bruton tyrosine kinase inhibitor"]),
    term("tolebrutinib", "tolebrutinib", "ms_drugs",
         """A BTK inhibitor pill studied in large trials in relapsing and non-relapsing progressive MS. Liver
         tests are a key safety check in its studies.""",
         code=["SAR442168"]),
    term("evobrutinib", "evobrutinib", "ms_drugs",
         """A BTK inhibitor pill tested in relapsing MS; in its phase 3 trials it did not work better than
         teriflunomide.""",
         code=["M2951"]),
    term("fenebrutinib", "fenebrutinib", "ms_drugs",
         """A BTK inhibitor pill being studied in relapsing and primary progressive MS.""",
         code=["GDC-0853"]),
    term("remibrutinib", "remibrutinib", "ms_drugs",
         """A BTK inhibitor pill studied in relapsing MS and in some allergic and autoimmune conditions.""",
         code=["LOU064"]),
    term("mitoxantrone", "mitoxantrone", "ms_drugs",
         """An older chemotherapy drug once used for aggressive MS. Heart and leukaemia risks mean it is now
         rarely used.""",
         brand=["Novantrone"]),
    term("corticosteroids", "corticosteroids", "ms_drugs",
         """Strong anti-inflammatory medicines, such as methylprednisolone, given as a short course to speed up
         recovery from a relapse. They do not change the long-term course of MS.""",
         synonym=["steroids", "steroid treatment", "IV steroids"],
         generic=["methylprednisolone", "prednisolone", "prednisone"], brand=["Solu-Medrol"]),
    term("plasma-exchange", "plasma exchange", "ms_drugs",
         """A treatment that filters the blood to remove antibodies, sometimes used for severe relapses or for
         NMOSD and myasthenia gravis.""",
         abbreviation=["PLEX"], synonym=["plasmapheresis"]),
    term("fampridine", "fampridine", "ms_drugs",
         """A tablet that can improve walking speed in some people with MS by helping signals pass along damaged
         nerves. It treats a symptom and does not change the course of MS.""",
         brand=["Fampyra", "Ampyra"], generic=["dalfampridine", "4-aminopyridine"]),
    term("baclofen", "baclofen", "ms_drugs",
         """A muscle relaxant taken for spasticity, as tablets or through a pump into the spinal fluid.""",
         brand=["Lioresal"], synonym=["intrathecal baclofen"]),
    term("biosimilar", "biosimilar", "ms_drugs",
         """A medicine made to match an existing biological drug closely, approved after tests show it works
         the same way, such as Tyruko for natalizumab.""",
         synonym=["biosimilars"]),
    term("off-label", "off-label use", "ms_drugs",
         """Using a licensed medicine for a condition or in a way that is not in its official licence, such as
         rituximab for MS. Doctors may do this when evidence supports it.""",
         synonym=["off-label", "off label"]),

    # ---------------------------------------------------------------- CAR T and cell therapy
    term("car-t-cell-therapy", "CAR T-cell therapy", "cell_therapy",
         """A treatment where a person's own T cells are collected, changed in a laboratory so they recognise a
         chosen target (such as CD19 or BCMA), multiplied and given back by drip. It is licensed for some blood
         cancers and is being studied in MS and other autoimmune diseases.""",
         abbreviation=["CAR T", "CAR-T", "CAR T cells", "CAR-T cells", "CAR T-cells"],
         synonym=["CAR T-cell", "chimeric antigen receptor T-cell therapy", "chimeric antigen receptor",
                  "CAR T therapy", "CAR-T therapy"]),
    term("cd19", "CD19", "cell_therapy",
         """A marker on the surface of B cells, from early ones to some antibody-making cells. Most CAR T
         therapies studied in autoimmune disease target CD19.""",
         synonym=["CD19 CAR T", "anti-CD19", "CD19-targeted"]),
    term("bcma", "BCMA", "cell_therapy",
         """B-cell maturation antigen: a marker on plasma cells, the long-lived cells that make antibodies. BCMA
         CAR T therapies reach cells that CD19 and CD20 treatments can miss.""",
         synonym=["B-cell maturation antigen", "BCMA CAR T", "anti-BCMA"]),
    term("cd20", "CD20", "biology",
         """A marker on most B cells but not on plasma cells. MS drugs such as ocrelizumab target it.""",
         synonym=["CD20 marker"]),
    term("autologous", "autologous", "cell_therapy",
         """Made from your own cells. Autologous CAR T cells are made for one person from their own blood.""",
         lay=["made from your own cells", "your own cells"]),
    term("allogeneic", "allogeneic", "cell_therapy",
         """Made from a donor's cells rather than your own. Allogeneic, ready-made CAR T products are being
         developed so treatment can start sooner.""",
         lay=["donor cells"], synonym=["off-the-shelf CAR T", "off-the-shelf"]),
    term("leukapheresis", "leukapheresis", "cell_therapy",
         """The first step of CAR T: blood is drawn through a machine that keeps some white blood cells (including
         T cells) and returns the rest, over a few hours.""",
         lay=["having the cells collected", "cell collection", "collecting the cells"],
         synonym=["apheresis"], spelling=["leucapheresis", "leukopheresis"]),
    term("lymphodepletion", "lymphodepletion", "cell_therapy",
         """A few days of chemotherapy given before CAR T cells, to lower the body's own lymphocytes and make
         room for the new cells to grow.""",
         lay=["conditioning chemotherapy"],
         synonym=["lymphodepleting chemotherapy", "lymphodepleting", "lymphodepletion chemotherapy"]),
    term("fludarabine", "fludarabine", "cell_therapy",
         """A chemotherapy drug often used with cyclophosphamide for lymphodepletion before CAR T cells.""",
         brand=["Fludara"]),
    term("cyclophosphamide", "cyclophosphamide", "cell_therapy",
         """A chemotherapy drug used at lower doses for lymphodepletion before CAR T and at higher doses in stem
         cell transplants.""",
         brand=["Cytoxan", "Endoxan"]),
    term("manufacturing", "CAR T manufacturing", "cell_therapy",
         """The weeks between collecting a person's cells and giving them back, while the cells are changed and
         grown in a laboratory and then checked.""",
         synonym=["vein-to-vein time", "cell manufacturing"]),
    term("infusion", "infusion", "cell_therapy",
         """Giving a medicine or cells slowly into a vein through a drip. CAR T cells are usually given as a
         single infusion.""",
         synonym=["drip", "intravenous infusion", "IV infusion"], spelling=["infusions"]),
    term("immune-reset", "immune reset", "cell_therapy",
         """The idea that removing many B cells (or other immune cells) lets the immune system rebuild without
         the cells driving the disease. It is a research hope, not a proven result in MS.""",
         synonym=["immune system reset", "resetting the immune system", "reset the immune system"]),
    term("b-cell-aplasia", "B-cell aplasia", "cell_therapy",
         """Having almost no B cells in the blood after treatment such as CD19 CAR T. It raises the risk of some
         infections and may last months.""",
         synonym=["B cell aplasia", "no B cells", "B-cell depletion", "B cell depletion"]),
    term("hypogammaglobulinemia", "hypogammaglobulinemia", "cell_therapy",
         """Low levels of antibodies (immunoglobulins) in the blood, which makes infections more likely. It can
         follow B-cell or plasma-cell treatments and can be treated with immunoglobulin replacement.""",
         spelling=["hypogammaglobulinaemia"], lay=["low antibody levels", "low immunoglobulins"]),
    term("ivig", "immunoglobulin replacement", "cell_therapy",
         """Antibodies collected from blood donors and given by drip or under the skin to people whose own
         antibody levels are too low.""",
         abbreviation=["IVIG", "IVIg", "SCIG"], synonym=["intravenous immunoglobulin", "immunoglobulin therapy"]),
    term("kyv-101", "KYV-101", "cell_therapy",
         """An investigational CD19 CAR T-cell therapy from Kyverna Therapeutics, studied in MS, myasthenia
         gravis, stiff person syndrome and lupus nephritis.""",
         code=["KYV101", "KYV 101"]),
    term("caba-201", "CABA-201", "cell_therapy",
         """An investigational CD19 CAR T-cell therapy from Cabaletta Bio, also called rese-cel (resecabtagene
         autoleucel), studied in several autoimmune diseases including MS.""",
         code=["CABA201", "CABA 201"], generic=["rese-cel", "resecabtagene autoleucel"]),
    term("cc-97540", "CC-97540", "cell_therapy",
         """An investigational CD19 CAR T-cell therapy from Bristol Myers Squibb, also called BMS-986353,
         studied in MS, lupus and other autoimmune diseases.""",
         code=["CC97540", "BMS-986353", "BMS986353"]),
    term("ytb323", "YTB323", "cell_therapy",
         """An investigational CD19 CAR T-cell therapy from Novartis, also called rapcabtagene autoleucel, made
         with a shorter manufacturing process.""",
         code=["YTB-323"], generic=["rapcabtagene autoleucel"]),
    term("ct103a", "CT103A", "cell_therapy",
         """An investigational BCMA CAR T-cell therapy from IASO Bio, studied in NMOSD and other antibody-driven
         diseases.""",
         code=["CT-103A"], generic=["equecabtagene autoleucel"]),
    term("descartes-08", "Descartes-08", "cell_therapy",
         """An investigational BCMA CAR T-cell therapy made with mRNA, so the CAR is only present for a limited
         time. It is studied in myasthenia gravis.""",
         code=["Descartes08"]),
    term("ahsct", "aHSCT", "cell_therapy",
         """Autologous haematopoietic stem cell transplantation: strong chemotherapy removes most of the immune
         system, which then regrows from the person's own stem cells. It is used for some people with very active
         relapsing MS and has serious risks.""",
         abbreviation=["HSCT", "AHSCT"],
         synonym=["autologous haematopoietic stem cell transplantation", "stem cell transplant",
                  "stem cell transplantation"],
         spelling=["autologous hematopoietic stem cell transplantation", "hematopoietic stem cell transplant",
                   "haematopoietic stem cell transplant"]),
    term("leukaemia", "leukaemia", "cell_therapy",
         """A cancer of blood-forming cells. CAR T therapies were first licensed for some leukaemias and
         lymphomas, which is where most of their long-term safety data come from.""",
         spelling=["leukemia", "leukaemias", "leukemias"], lay=["blood cancer", "blood cancers"]),
    term("lymphoma", "lymphoma", "cell_therapy",
         """A cancer of lymphocytes (a type of white blood cell). Several CAR T products are licensed for
         lymphoma.""",
         synonym=["lymphomas", "non-Hodgkin lymphoma"]),
    term("multiple-myeloma", "multiple myeloma", "cell_therapy",
         """A cancer of plasma cells. BCMA CAR T therapies were developed for it.""",
         synonym=["myeloma"]),
    term("haematology", "haematology", "cell_therapy",
         """The medical specialty of blood and blood-forming organs. CAR T is usually given in haematology
         units with experience of its side effects.""",
         spelling=["hematology", "haematologist", "hematologist", "haematological", "hematological"]),

    # ---------------------------------------------------------------- Side effects and safety
    term("crs", "cytokine release syndrome", "side_effects",
         """A reaction when activated immune cells release many signalling proteins, causing fever, low blood
         pressure or breathing problems. It is the most common serious early side effect of CAR T and is
         graded and treated in hospital.""",
         abbreviation=["CRS"], lay=["cytokine storm"]),
    term("icans", "ICANS", "side_effects",
         """Immune effector cell-associated neurotoxicity syndrome: confusion, trouble speaking or writing,
         drowsiness and rarely seizures in the days after CAR T. It is usually temporary and watched for
         closely.""",
         synonym=["immune effector cell-associated neurotoxicity syndrome", "neurotoxicity"]),
    term("tocilizumab", "tocilizumab", "side_effects",
         """An antibody that blocks the signalling protein IL-6, used to treat cytokine release syndrome.""",
         brand=["Actemra", "RoActemra"]),
    term("cytopenia", "cytopenia", "side_effects",
         """Low numbers of one or more types of blood cells. After CAR T and chemotherapy, blood counts can stay
         low for weeks.""",
         lay=["low blood counts"], synonym=["cytopenias", "low blood count"]),
    term("neutropenia", "neutropenia", "side_effects",
         """A low number of neutrophils, the white blood cells that fight bacterial infections.""",
         lay=["low neutrophils", "low white cell count"]),
    term("lymphopenia", "lymphopenia", "side_effects",
         """A low number of lymphocytes in the blood, expected with several MS drugs. Doctors monitor it because
         very low counts raise infection risk.""",
         synonym=["lymphocytopenia", "low lymphocyte count"]),
    term("anaemia", "anaemia", "side_effects",
         """Too few red blood cells or too little haemoglobin, which can cause tiredness and breathlessness.""",
         spelling=["anemia"], lay=["low red blood cells"]),
    term("infections", "infection risk", "side_effects",
         """Many MS and cell therapies lower parts of the immune system, so some infections become more likely.
         Your team will say which signs to report quickly.""",
         synonym=["infections", "infection", "serious infections"]),
    term("pml", "PML", "side_effects",
         """Progressive multifocal leukoencephalopathy: a rare, serious brain infection caused by the JC virus in
         people with a weakened immune system. Natalizumab carries the highest risk among MS drugs.""",
         synonym=["progressive multifocal leukoencephalopathy"],
         spelling=["progressive multifocal leucoencephalopathy"]),
    term("hepatitis-b-reactivation", "hepatitis B reactivation", "side_effects",
         """A past hepatitis B infection becoming active again when the immune system is lowered, which is why
         people are tested before B-cell treatments.""",
         abbreviation=["HBV reactivation"], synonym=["hepatitis B virus reactivation"]),
    term("shingles", "shingles", "side_effects",
         """A painful blistering rash caused by the chickenpox virus waking up again. Some MS drugs make it more
         likely, and a vaccine may be offered.""",
         synonym=["herpes zoster", "zoster"]),
    term("infusion-reaction", "infusion reaction", "side_effects",
         """Symptoms such as rash, itching, fever or headache during or soon after a drip, most common with the
         first dose. Medicines beforehand make it less likely.""",
         synonym=["infusion reactions", "infusion-related reaction", "infusion-related reactions"]),
    term("hair-loss", "hair loss", "side_effects",
         """Thinning or loss of hair. It can happen with some MS drugs such as teriflunomide and with
         chemotherapy, and usually grows back.""",
         synonym=["alopecia", "hair thinning", "thinning hair", "losing hair"]),
    term("oedema", "oedema", "side_effects",
         """Swelling caused by fluid building up in the body's tissues, for example in the ankles.""",
         spelling=["edema"], lay=["swelling", "fluid retention"]),
    term("macular-oedema", "macular oedema", "side_effects",
         """Swelling at the centre of the retina that blurs vision. It is a rare side effect of S1P receptor
         modulators, so eye checks may be advised.""",
         spelling=["macular edema"]),
    term("bradycardia", "bradycardia", "side_effects",
         """A slower than usual heart rate. It can happen with the first doses of S1P receptor modulators.""",
         lay=["slow heart rate", "slow heartbeat"]),
    term("secondary-malignancy", "secondary cancer", "side_effects",
         """A new cancer that appears after a treatment. Rare blood cancers of T cells have been reported after
         CAR T for cancer, and regulators have asked for long-term follow-up.""",
         synonym=["secondary malignancy", "secondary malignancies", "T-cell malignancy"]),
    term("adverse-event", "adverse event", "side_effects",
         """Any unwanted medical event in a trial, whether or not it was caused by the treatment. A serious
         adverse event is one that is life-threatening or needs hospital care.""",
         abbreviation=["SAE", "SAEs"],
         synonym=["adverse events", "serious adverse event", "serious adverse events", "side effect",
                  "side effects", "adverse reaction"]),

    # ---------------------------------------------------------------- Living with MS
    term("pregnancy-and-ms", "pregnancy and MS", "living_with_ms",
         """Many people with MS have healthy pregnancies; relapses tend to fall during pregnancy and can rise in
         the months after birth. Some MS drugs must be stopped well before trying to conceive, so plan with your
         MS team.""",
         lay=["pregnancy", "pregnant", "having a baby", "trying for a baby", "family planning"]),
    term("breastfeeding", "breastfeeding", "living_with_ms",
         """Feeding a baby breast milk. Whether an MS medicine can be used while breastfeeding depends on the
         drug, so ask your team.""",
         spelling=["breast-feeding", "breast feeding"]),
    term("fertility", "fertility", "living_with_ms",
         """The ability to have children. Chemotherapy used before CAR T or stem cell transplants can affect it,
         and egg or sperm freezing may be offered beforehand.""",
         lay=["have children", "having children"],
         synonym=["fertility preservation", "egg freezing", "sperm banking"]),
    term("vaccination", "vaccination", "living_with_ms",
         """Vaccines protect against infections. Some MS drugs and cell therapies weaken vaccine responses or
         rule out live vaccines, so timing is planned with your team.""",
         synonym=["vaccine", "vaccines", "vaccinations", "jab", "jabs"], spelling=["immunisation", "immunization"]),
    term("live-vaccine", "live vaccine", "living_with_ms",
         """A vaccine containing a weakened germ, such as yellow fever or some shingles vaccines. It is usually
         avoided while the immune system is lowered.""",
         synonym=["live vaccines", "live attenuated vaccine"]),
    term("neurologist", "neurologist", "living_with_ms",
         """A doctor who specialises in the brain and nerves. An MS neurologist leads MS care and can talk
         through whether a trial suits you.""",
         synonym=["MS neurologist", "neurologists", "MS doctor", "neurology"]),
    term("ms-nurse", "MS nurse", "living_with_ms",
         """A nurse specialising in MS who supports people between appointments with treatments, symptoms and
         questions.""",
         synonym=["MS specialist nurse", "MS nurses"]),
    term("rehabilitation", "rehabilitation", "living_with_ms",
         """Therapy to keep or regain abilities, such as physiotherapy, occupational therapy and speech therapy.""",
         synonym=["rehab", "physiotherapy", "physical therapy", "occupational therapy"]),
    term("vitamin-d", "vitamin D", "living_with_ms",
         """A vitamin made in the skin in sunlight. Low levels are linked to a higher risk of MS; whether extra
         vitamin D changes the course of MS is still studied.""",
         synonym=["vitamin D3", "vitamin D supplements"]),

    # ---------------------------------------------------------------- Related autoimmune diseases
    term("autoimmune-disease", "autoimmune disease", "related_diseases",
         """A condition in which the immune system attacks the body's own tissues. MS is thought to be one; lupus
         and myasthenia gravis are others.""",
         synonym=["autoimmune diseases", "autoimmune disorder", "autoimmune conditions", "autoimmunity"]),
    term("nmosd", "NMOSD", "related_diseases",
         """Neuromyelitis optica spectrum disorder: an autoimmune disease, often caused by antibodies against
         aquaporin-4, that causes severe attacks of optic neuritis and myelitis. It can look like MS but needs
         different treatment.""",
         synonym=["neuromyelitis optica spectrum disorder", "neuromyelitis optica", "Devic's disease"],
         abbreviation=["NMO"]),
    term("aquaporin-4", "aquaporin-4", "related_diseases",
         """A water channel protein on support cells in the brain and spinal cord. Antibodies against it cause
         most cases of NMOSD.""",
         abbreviation=["AQP4", "AQP4-IgG"], synonym=["aquaporin-4 antibodies", "AQP4 antibodies"]),
    term("mogad", "MOGAD", "related_diseases",
         """Myelin oligodendrocyte glycoprotein antibody-associated disease: inflammation of the optic nerves,
         spinal cord or brain caused by antibodies against MOG, a protein on myelin. It is distinct from MS.""",
         synonym=["MOG antibody disease", "MOG antibody-associated disease",
                  "myelin oligodendrocyte glycoprotein antibody-associated disease"]),
    term("myasthenia-gravis", "myasthenia gravis", "related_diseases",
         """An autoimmune disease in which antibodies block signals between nerves and muscles, causing muscle
         weakness that worsens with use, such as drooping eyelids or double vision.""",
         case=["MG", "gMG"], synonym=["generalised myasthenia gravis"], spelling=["generalized myasthenia gravis"]),
    term("lupus", "lupus", "related_diseases",
         """Systemic lupus erythematosus: an autoimmune disease that can affect the skin, joints, kidneys and
         other organs. The first reports of CAR T in autoimmune disease were in lupus.""",
         abbreviation=["SLE"], synonym=["systemic lupus erythematosus"]),
    term("lupus-nephritis", "lupus nephritis", "related_diseases",
         """Kidney inflammation caused by lupus.""",
         lay=["lupus kidney disease"]),
    term("stiff-person-syndrome", "stiff person syndrome", "related_diseases",
         """A rare autoimmune condition of the nervous system causing stiff muscles and painful spasms, often
         with antibodies against GAD.""",
         abbreviation=["SPS"], synonym=["stiff-person syndrome", "stiff man syndrome", "stiff-man syndrome"]),
    term("myositis", "myositis", "related_diseases",
         """Inflammation of the muscles, often autoimmune, causing weakness.""",
         synonym=["inflammatory myopathy", "idiopathic inflammatory myopathy", "dermatomyositis"]),
    term("systemic-sclerosis", "systemic sclerosis", "related_diseases",
         """An autoimmune disease that causes hardening of the skin and sometimes of internal organs.""",
         synonym=["scleroderma"], case=["SSc"]),
    term("cidp", "CIDP", "related_diseases",
         """Chronic inflammatory demyelinating polyneuropathy: immune damage to the myelin of nerves outside the
         brain and spinal cord, causing weakness and numbness.""",
         synonym=["chronic inflammatory demyelinating polyneuropathy"]),
    term("transverse-myelitis", "transverse myelitis", "related_diseases",
         """Inflammation across a section of the spinal cord, causing weakness, numbness or bladder problems
         below that level. It can occur in MS, NMOSD, MOGAD or on its own.""",
         synonym=["myelitis"]),
    term("adem", "ADEM", "related_diseases",
         """Acute disseminated encephalomyelitis: a sudden, usually one-off, inflammation of the brain and
         spinal cord, more common in children, often after an infection.""",
         synonym=["acute disseminated encephalomyelitis"]),

    # ---------------------------------------------------------------- Immune system and biology
    term("myelin", "myelin", "biology",
         """The fatty insulating layer around nerve fibres that lets signals travel fast. In MS the immune
         system damages it.""",
         synonym=["myelin sheath"]),
    term("demyelination", "demyelination", "biology",
         """Loss of or damage to myelin, which slows or blocks nerve signals.""",
         synonym=["demyelinating", "demyelinating disease", "myelin damage"]),
    term("remyelination", "remyelination", "biology",
         """The natural repair of myelin. Treatments that boost it are being researched but none is licensed.""",
         synonym=["myelin repair"]),
    term("central-nervous-system", "central nervous system", "biology",
         """The brain, spinal cord and optic nerves, where MS causes damage.""",
         abbreviation=["CNS"]),
    term("b-cell", "B cell", "biology",
         """A white blood cell that can make antibodies and help start immune reactions. B cells play a key
         part in MS, which is why many treatments remove them.""",
         synonym=["B cells", "B-cell", "B-cells", "B lymphocytes"]),
    term("t-cell", "T cell", "biology",
         """A white blood cell that directs or carries out immune attacks. CAR T therapy gives T cells a new
         target.""",
         synonym=["T cells", "T-cell", "T-cells", "T lymphocytes"]),
    term("plasma-cell", "plasma cell", "biology",
         """A mature B cell that makes large amounts of antibodies. Long-lived plasma cells lack CD20 and many
         lack CD19, but carry BCMA.""",
         synonym=["plasma cells", "plasmablasts"]),
    term("antibody", "antibody", "biology",
         """A protein made by B cells and plasma cells that sticks to a target. Harmful antibodies against the
         body's own tissues (autoantibodies) drive diseases such as NMOSD and myasthenia gravis.""",
         synonym=["antibodies", "autoantibody", "autoantibodies", "immunoglobulin", "immunoglobulins"]),
    term("monoclonal-antibody", "monoclonal antibody", "biology",
         """A laboratory-made antibody designed to attach to one target, such as CD20. Many MS drugs are
         monoclonal antibodies; their generic names end in -mab.""",
         synonym=["monoclonal antibodies"], case=["mAb"]),
    term("lymphocyte", "lymphocyte", "biology",
         """A family of white blood cells that includes B cells, T cells and natural killer cells.""",
         synonym=["lymphocytes"]),
    term("cytokines", "cytokines", "biology",
         """Small proteins that immune cells use to signal to each other. Too many at once cause cytokine
         release syndrome.""",
         synonym=["cytokine", "interleukins", "IL-6"]),
    term("blood-brain-barrier", "blood-brain barrier", "biology",
         """The tightly sealed lining of blood vessels in the brain that controls what passes from the blood
         into the brain.""",
         abbreviation=["BBB"], spelling=["blood brain barrier"]),
    term("microglia", "microglia", "biology",
         """The brain's own immune cells. They are thought to drive part of the slow progression in MS and are a
         target of BTK inhibitors.""",
         synonym=["microglial cells"]),

    # ---------------------------------------------------------------- Trial vocabulary
    term("clinical-trial", "clinical trial", "trials",
         """A research study that tests a treatment in people, following a written plan approved by an ethics
         committee and a regulator. Taking part is voluntary and you can leave at any time.""",
         synonym=["clinical trials", "clinical study", "clinical studies", "research study"]),
    term("phase-1", "phase 1", "trials",
         """The first trials of a treatment in people, usually small, mainly checking safety and the right
         dose.""",
         synonym=["phase I", "phase one", "first-in-human", "phase 1 trial", "phase 1 study"]),
    term("phase-1-2", "phase 1/2", "trials",
         """A trial that combines a first safety stage with an early look at whether the treatment works.""",
         synonym=["phase I/II", "phase 1/2a", "phase 1b/2"]),
    term("phase-2", "phase 2", "trials",
         """Medium-sized trials that look at whether a treatment works and keep checking safety.""",
         synonym=["phase II", "phase two", "phase 2 trial"]),
    term("phase-3", "phase 3", "trials",
         """Large trials, often comparing the new treatment with a standard one or a placebo, whose results can
         support a licence.""",
         synonym=["phase III", "phase three", "phase 3 trial"]),
    term("recruiting", "recruiting", "trials",
         """The trial is open and looking for new participants. It does not mean every site is open or that you
         will be eligible.""",
         synonym=["open to new participants", "now recruiting", "enrolling"]),
    term("not-yet-recruiting", "not yet recruiting", "trials",
         """The trial is registered but has not started taking participants.""",
         synonym=["not-yet-recruiting", "opening soon"]),
    term("active-not-recruiting", "active, not recruiting", "trials",
         """The trial is still running with its participants but is not taking new ones.""",
         synonym=["active not recruiting", "closed to new participants"]),
    term("enrolling-by-invitation", "enrolling by invitation", "trials",
         """Only people invited by the study team, often from an earlier study, can join.""",
         synonym=["by invitation only"]),
    term("terminated", "terminated", "trials",
         """The trial stopped early before its planned end. The registry often gives a reason, which can be
         practical or business-related rather than about safety.""",
         synonym=["terminated trial", "stopped early"]),
    term("withdrawn", "withdrawn", "trials",
         """The trial was stopped before anyone took part.""",
         synonym=["withdrawn trial", "withdrawn before enrolment"]),
    term("eligibility-criteria", "eligibility criteria", "trials",
         """The rules about who can take part in a trial, such as age, type of MS, past treatments and other
         health conditions. Only the study team can confirm whether you qualify.""",
         synonym=["eligibility", "who can take part", "who can join"]),
    term("inclusion-criteria", "inclusion criteria", "trials",
         """The conditions you must meet to join a trial, for example a certain EDSS score or type of MS.""",
         synonym=["inclusion criterion"]),
    term("exclusion-criteria", "exclusion criteria", "trials",
         """Conditions that rule someone out of a trial, for example a recent infection, pregnancy or certain
         earlier treatments.""",
         synonym=["exclusion criterion"]),
    term("placebo", "placebo", "trials",
         """A dummy treatment that looks like the real one but has no active medicine, used so results can be
         compared fairly.""",
         lay=["dummy treatment", "sugar pill", "dummy drug"], synonym=["placebo-controlled"]),
    term("randomisation", "randomisation", "trials",
         """Deciding by chance which treatment each participant receives, so the groups are comparable.""",
         spelling=["randomization", "randomised", "randomized"],
         synonym=["randomly assigned", "randomised controlled trial", "randomized controlled trial"],
         abbreviation=["RCT"]),
    term("open-label", "open-label", "trials",
         """Everyone, including the participants and doctors, knows which treatment is being given.""",
         spelling=["open label"], synonym=["unblinded"]),
    term("double-blind", "double-blind", "trials",
         """Neither the participants nor the doctors running the trial know who receives which treatment, to
         avoid bias.""",
         spelling=["double blind", "double-blinded"], synonym=["blinded", "blinding"]),
    term("informed-consent", "informed consent", "trials",
         """Agreeing to take part after the study team has explained the aims, risks, benefits and
         alternatives in writing and answered your questions. You can withdraw at any time.""",
         synonym=["consent form"]),
    term("primary-endpoint", "primary endpoint", "trials",
         """The main result a trial is designed to measure, decided before it starts, such as the number of
         relapses or side effects.""",
         synonym=["primary outcome", "primary outcome measure", "primary end point"]),
    term("secondary-endpoint", "secondary endpoint", "trials",
         """Other results a trial measures besides its main one.""",
         synonym=["secondary outcome", "secondary outcomes", "secondary endpoints"]),
    term("sponsor", "sponsor", "trials",
         """The company, university or hospital responsible for a trial.""",
         synonym=["trial sponsor", "lead sponsor"]),
    term("principal-investigator", "principal investigator", "trials",
         """The doctor or researcher who leads a trial, or leads it at one site.""",
         synonym=["investigator", "study doctor"], case=["PI"]),
    term("nct-number", "NCT number", "trials",
         """The unique code a trial gets on ClinicalTrials.gov: NCT followed by eight digits.""",
         synonym=["NCT ID", "ClinicalTrials.gov identifier", "registry number"]),
    term("clinicaltrials-gov", "ClinicalTrials.gov", "trials",
         """The public registry of clinical studies run by the US National Library of Medicine, where most
         trials worldwide are listed.""",
         synonym=["clinicaltrials gov", "trial registry"]),
    term("dose-escalation", "dose escalation", "trials",
         """Giving small groups of participants increasing doses, one group after another, to find a safe dose.""",
         spelling=["dose-escalation"], synonym=["dose finding", "dose-finding"]),
    term("control-group", "control group", "trials",
         """The participants who receive a placebo or standard treatment, for comparison with those who receive
         the new one.""",
         synonym=["comparator", "control arm"]),
    term("long-term-follow-up", "long-term follow-up", "trials",
         """Checking on participants for years after treatment. For CAR T, regulators ask for up to 15 years.""",
         spelling=["long term follow-up"]),
    term("efficacy", "efficacy", "trials",
         """How well a treatment works under the conditions of a trial.""",
         synonym=["effectiveness"]),
    term("expanded-access", "expanded access", "trials",
         """A way for some people to receive an unlicensed treatment outside a trial, when no other option
         exists. Rules differ by country.""",
         synonym=["compassionate use", "early access"]),
    term("washout-period", "washout period", "trials",
         """A gap without a treatment before starting a trial, so the earlier drug leaves the body.""",
         spelling=["wash-out period", "washout"]),
    term("study-site", "study site", "trials",
         """A hospital or clinic where a trial takes place. Large trials run at many sites in several
         countries.""",
         synonym=["trial site", "study sites", "trial sites"]),
]
