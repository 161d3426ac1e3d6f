//! The primer, the glossary and the built-in experiences: static content, compiled into the
//! server only (the browser receives it through a server function, never in its WebAssembly).
//!
//! Every fact in the experiences comes from `docs/experiences-sources.md`, where each one is
//! listed beside the source it was read in; nothing here may be added without a source.

use super::model::{Case, GlossaryEntry, GovLevel, Primer, PrimerSection, Source};
use crate::framework::Text;

fn t(es: &str, en: &str) -> Text {
    Text {
        es: es.to_owned(),
        en: en.to_owned(),
    }
}

fn section(anchor: &str, title: Text, paragraphs: Vec<Text>) -> PrimerSection {
    PrimerSection {
        anchor: anchor.to_owned(),
        title,
        paragraphs,
    }
}

fn entry(anchor: &str, term: Text, definition: Text) -> GlossaryEntry {
    GlossaryEntry {
        anchor: anchor.to_owned(),
        term,
        definition,
    }
}

/// The primer: what open government is, its values, the framework's pillars, the OGP cycle,
/// Ecuador's legal frame, and the glossary.
pub fn primer() -> Primer {
    Primer {
        sections: sections(),
        glossary: glossary(),
    }
}

fn sections() -> Vec<PrimerSection> {
    vec![
        section(
            "sec-que-es",
            t("¿Qué es el gobierno abierto?", "What is open government?"),
            vec![
                t(
                    "El gobierno abierto es una forma de gobernar en la que la ciudadanía puede ver lo que hace su gobierno, opinar e influir en sus decisiones, y pedirle cuentas. No es una oficina ni un portal web: es una manera de trabajar que atraviesa toda la institución.",
                    "Open government is a way of governing in which people can see what their government does, have a say in and influence its decisions, and hold it to account. It is not an office or a website: it is a way of working that runs through the whole institution.",
                ),
                t(
                    "Se apoya en tres ideas sencillas: abrir la información (transparencia), abrir las decisiones (participación) y responder por los resultados (rendición de cuentas). La colaboración con la sociedad civil, la academia y el sector privado, y el buen uso de la tecnología, ayudan a que las tres funcionen en la práctica.",
                    "It rests on three simple ideas: open up information (transparency), open up decisions (participation) and answer for results (accountability). Collaboration with civil society, academia and the private sector, and good use of technology, help all three work in practice.",
                ),
                t(
                    "Para un gobierno provincial, gobierno abierto significa, por ejemplo: publicar a tiempo el presupuesto y los contratos en formatos que se puedan reutilizar, responder las solicitudes de información dentro del plazo legal, decidir parte de la inversión con la ciudadanía, abrir la silla vacía en el Consejo Provincial y presentar cada año un informe de rendición de cuentas que se pueda discutir.",
                    "For a provincial government, open government means, for example: publishing the budget and contracts on time in reusable formats, answering information requests within the legal deadline, deciding part of the investment budget with citizens, opening the empty chair in the Provincial Council, and presenting each year an accountability report that can be discussed.",
                ),
            ],
        ),
        section(
            "sec-principios",
            t(
                "Principios y valores de la Alianza para el Gobierno Abierto (OGP)",
                "Principles and values of the Open Government Partnership (OGP)",
            ),
            vec![
                t(
                    "La Alianza para el Gobierno Abierto (Open Government Partnership, OGP) es una alianza internacional de gobiernos y organizaciones de la sociedad civil creada en 2011. Sus miembros, nacionales y locales, se comprometen con planes de acción elaborados junto con la sociedad civil.",
                    "The Open Government Partnership (OGP) is an international partnership of governments and civil-society organisations founded in 2011. Its members, national and local, commit to action plans drawn up together with civil society.",
                ),
                t(
                    "OGP reconoce cuatro valores, y cada compromiso de un plan debe servir al menos a uno:",
                    "OGP recognises four values, and every commitment of a plan must serve at least one of them:",
                ),
                t(
                    "Acceso a la información: el gobierno publica información útil y de calidad por iniciativa propia y responde las solicitudes de la ciudadanía, con pocas excepciones, claras y fijadas por ley.",
                    "Access to information: the government publishes useful, good-quality information on its own initiative and answers people's requests, with few exceptions, clear and set by law.",
                ),
                t(
                    "Participación cívica: la ciudadanía puede informar, proponer y decidir sobre asuntos públicos, y el gobierno crea espacios para ello, incluidos los grupos que suelen quedar fuera.",
                    "Civic participation: people can inform, propose and decide on public matters, and the government creates spaces for this, including groups usually left out.",
                ),
                t(
                    "Rendición de cuentas pública: hay reglas y mecanismos para que las autoridades expliquen y justifiquen sus actos, respondan a las críticas y asuman las consecuencias cuando no cumplen.",
                    "Public accountability: there are rules and mechanisms for officials to explain and justify their actions, respond to criticism, and face consequences when they fail to deliver.",
                ),
                t(
                    "Tecnología e innovación para la apertura y la rendición de cuentas: la tecnología se usa para ampliar el acceso a la información y la participación, no como un fin en sí misma.",
                    "Technology and innovation for openness and accountability: technology is used to widen access to information and participation, not as an end in itself.",
                ),
            ],
        ),
        section(
            "sec-pilar-t",
            t("Pilar T — Transparencia", "Pillar T — Transparency"),
            vec![
                t(
                    "Corresponde al valor de acceso a la información. Tiene dos caras: la transparencia activa (lo que la prefectura publica sin que nadie lo pida) y la transparencia pasiva (cómo responde cuando alguien pide información). Los indicadores T1 a T5 miran el cumplimiento de la LOTAIP, la respuesta a solicitudes, la calidad de lo publicado, la transparencia del presupuesto y de la contratación, y la información publicada más allá del mínimo legal.",
                    "It matches the value of access to information. It has two sides: active transparency (what the prefecture publishes without being asked) and passive transparency (how it answers when someone asks for information). Indicators T1 to T5 look at LOTAIP compliance, the handling of requests, the quality of what is published, budget and procurement transparency, and information published beyond the legal minimum.",
                ),
            ],
        ),
        section(
            "sec-pilar-p",
            t("Pilar P — Participación ciudadana", "Pillar P — Citizen participation"),
            vec![
                t(
                    "Corresponde al valor de participación cívica. No basta con convocar: la participación cuenta cuando las instancias funcionan, cuando una parte del presupuesto se decide con la ciudadanía, cuando la silla vacía se usa, cuando cada aporte recibe una respuesta razonada y cuando llegan también quienes suelen quedar fuera. Eso es lo que miden P1 a P5.",
                    "It matches the value of civic participation. Inviting people is not enough: participation counts when its bodies work, when part of the budget is decided with citizens, when the empty chair is used, when every contribution gets a reasoned response, and when those usually left out take part too. That is what P1 to P5 measure.",
                ),
            ],
        ),
        section(
            "sec-pilar-r",
            t("Pilar R — Rendición de cuentas", "Pillar R — Accountability"),
            vec![
                t(
                    "Corresponde al valor de rendición de cuentas pública. Incluye el proceso anual de rendición de cuentas ante la ciudadanía y el CPCCS, el seguimiento público de los compromisos, el informe anual de transparencia, las auditorías publicadas y atendidas, y el monitoreo y evaluación de los planes (R1 a R5).",
                    "It matches the value of public accountability. It covers the annual accountability process before citizens and the CPCCS, public tracking of commitments, the annual transparency report, audits published and acted on, and the monitoring and evaluation of plans (R1 to R5).",
                ),
            ],
        ),
        section(
            "sec-pilar-c",
            t("Pilar C — Colaboración e innovación", "Pillar C — Collaboration and innovation"),
            vec![
                t(
                    "Corresponde al valor de tecnología e innovación y a la forma de trabajar de OGP: co-crear con la sociedad civil. Reúne los datos abiertos, la estrategia y el liderazgo (que el gobierno abierto tenga responsables, plan y presupuesto), las capacidades y la cultura del personal, la co-creación en un foro multiactor y el uso de la tecnología para abrir la gestión (C1 a C5). Sin capacidades ni liderazgo, los otros tres pilares no se sostienen en el tiempo.",
                    "It matches the value of technology and innovation and OGP's way of working: co-creating with civil society. It brings together open data, strategy and leadership (open government with people in charge, a plan and a budget), staff skills and culture, co-creation in a multi-stakeholder forum, and the use of technology to open up government (C1 to C5). Without skills and leadership, the other three pillars do not last.",
                ),
            ],
        ),
        section(
            "sec-ciclo-ogp",
            t(
                "El ciclo del plan de acción de OGP y qué es un compromiso",
                "The OGP action-plan cycle, and what a commitment is",
            ),
            vec![
                t(
                    "Cada miembro de OGP trabaja por planes de acción. El ciclo es: (1) co-creación del plan con la sociedad civil, normalmente en un foro multiactor; (2) aprobación y publicación del plan; (3) implementación, con avances públicos; (4) evaluación por el Mecanismo de Revisión Independiente (IRM); (5) aprendizaje, que alimenta el plan siguiente.",
                    "Every OGP member works through action plans. The cycle is: (1) co-creation of the plan with civil society, usually in a multi-stakeholder forum; (2) approval and publication of the plan; (3) implementation, with public progress updates; (4) assessment by the Independent Reporting Mechanism (IRM); (5) learning, which feeds the next plan.",
                ),
                t(
                    "Un compromiso es cada promesa concreta del plan. Se redacta con: el problema que atiende y su situación de partida, lo que se hará, cómo contribuye a resolver el problema, los valores de OGP a los que sirve, la institución responsable y los hitos con fechas. El IRM valora si es relevante para los valores de OGP, su ambición (impacto potencial) y su grado de cumplimiento: no iniciado, limitado, sustancial o completo.",
                    "A commitment is each concrete promise of the plan. It is written with: the problem it addresses and its baseline, what will be done, how it helps solve the problem, the OGP values it serves, the lead institution, and milestones with dates. The IRM assesses whether it is relevant to OGP values, its ambition (potential impact) and its completion: not started, limited, substantial or complete.",
                ),
                t(
                    "La hoja de ruta que Rumbo genera al final del taller usa esa misma forma: cada elemento se puede exportar como un compromiso OGP.",
                    "The roadmap Rumbo generates at the end of the workshop uses the same shape: each item can be exported as an OGP commitment.",
                ),
            ],
        ),
        section(
            "sec-ecuador",
            t("El marco legal en Ecuador", "Ecuador's legal frame"),
            vec![
                t(
                    "La Constitución de 2008 reconoce el derecho a participar en los asuntos públicos (arts. 61, 95 y 102) y crea la Función de Transparencia y Control Social, de la que forma parte el Consejo de Participación Ciudadana y Control Social, CPCCS (arts. 204, 207 y 208). El art. 101 dispone que las sesiones de los gobiernos autónomos descentralizados sean públicas y que en ellas exista la silla vacía, que ocupa una representante o un representante ciudadano según los temas a tratarse.",
                    "The 2008 Constitution recognises the right to take part in public affairs (arts. 61, 95 and 102) and creates the Transparency and Social Control Branch, which includes the Council for Citizen Participation and Social Control, CPCCS (arts. 204, 207 and 208). Art. 101 provides that sessions of decentralised autonomous governments are public and that they have an empty chair, taken by a citizen representative according to the matters under discussion.",
                ),
                t(
                    "La Ley Orgánica de Participación Ciudadana (LOPC), publicada en el Registro Oficial Suplemento 175 del 20 de abril de 2010, regula las instancias de participación, el presupuesto participativo, la silla vacía y la rendición de cuentas. El COOTAD obliga a cada GAD a tener un sistema de participación ciudadana regulado por ordenanza.",
                    "The Citizen Participation Act (Ley Orgánica de Participación Ciudadana, LOPC), published in Registro Oficial Supplement 175 of 20 April 2010, regulates participation bodies, participatory budgeting, the empty chair and accountability. The COOTAD requires every decentralised government (GAD) to have a citizen-participation system regulated by ordinance.",
                ),
                t(
                    "La LOTAIP (Ley Orgánica de Transparencia y Acceso a la Información Pública) fija la información que toda entidad pública debe publicar en su sitio web (transparencia activa), el plazo para responder solicitudes de información y el informe anual de cumplimiento ante la Defensoría del Pueblo. Cada año, además, las autoridades rinden cuentas a la ciudadanía siguiendo el proceso y los formularios que establece el CPCCS.",
                    "The LOTAIP (Organic Law on Transparency and Access to Public Information) sets the information every public body must publish on its website (active transparency), the deadline for answering information requests, and the annual compliance report to the Ombudsman's Office (Defensoría del Pueblo). Each year, moreover, authorities account to citizens following the process and forms set by the CPCCS.",
                ),
                t(
                    "Ecuador es miembro de OGP desde 2018. En OGP Local participan el Distrito Metropolitano de Quito y el Gobierno Provincial de Santo Domingo de los Tsáchilas (ver la biblioteca de experiencias). Antes de usar una referencia legal en un documento oficial, conviene que la revise una persona con formación jurídica: las leyes cambian.",
                    "Ecuador has been an OGP member since 2018. The Metropolitan District of Quito and the Provincial Government of Santo Domingo de los Tsáchilas take part in OGP Local (see the experiences library). Before using a legal reference in an official document, have it checked by someone with legal training: laws change.",
                ),
            ],
        ),
    ]
}

fn glossary() -> Vec<GlossaryEntry> {
    vec![
        entry(
            "term-co-creacion",
            t("Co-creación", "Co-creation"),
            t(
                "Elaborar un plan, una política o un servicio junto con la sociedad civil desde el principio, no solo consultarla al final. En OGP, los planes de acción se co-crean, normalmente en un foro multiactor, y el gobierno explica qué hizo con cada propuesta.",
                "Drawing up a plan, a policy or a service together with civil society from the start, not only consulting it at the end. In OGP, action plans are co-created, usually in a multi-stakeholder forum, and the government explains what it did with each proposal.",
            ),
        ),
        entry(
            "term-compromiso",
            t("Compromiso (OGP)", "Commitment (OGP)"),
            t(
                "Cada promesa concreta de un plan de acción de gobierno abierto: problema y situación de partida, lo que se hará, cómo ayuda, valores de OGP, institución responsable e hitos con fechas. Su avance se sigue públicamente (no iniciado, limitado, sustancial, completo).",
                "Each concrete promise of an open-government action plan: problem and baseline, what will be done, how it helps, OGP values, lead institution, and milestones with dates. Its progress is tracked publicly (not started, limited, substantial, complete).",
            ),
        ),
        entry(
            "term-contratacion-abierta",
            t("Contratación abierta", "Open contracting"),
            t(
                "Publicar cada etapa de la compra pública —planificación, convocatoria, adjudicación, contrato y ejecución— en datos abiertos y a tiempo, para que cualquiera pueda seguir en qué se gasta y con quién. Va de la mano con la transparencia del presupuesto.",
                "Publishing every stage of public procurement —planning, tender, award, contract and implementation— as timely open data, so anyone can follow what is spent and with whom. It goes hand in hand with budget transparency.",
            ),
        ),
        entry(
            "term-control-social",
            t("Control social", "Social control (citizen oversight)"),
            t(
                "La vigilancia que ejerce la ciudadanía sobre la gestión pública: veedurías, observatorios, seguimiento de obras y de auditorías. En Ecuador la promueve el CPCCS. Funciona mejor cuando los informes de auditoría se publican y la institución informa qué hizo con sus recomendaciones.",
                "Oversight of public management by citizens: citizen oversight committees (veedurías), observatories, monitoring of works and audits. In Ecuador it is promoted by the CPCCS. It works best when audit reports are published and the institution reports what it did with their recommendations.",
            ),
        ),
        entry(
            "term-cpccs",
            t("CPCCS", "CPCCS"),
            t(
                "Consejo de Participación Ciudadana y Control Social: el órgano de la Función de Transparencia y Control Social de Ecuador que promueve la participación y el control social y establece el proceso anual de rendición de cuentas de las autoridades.",
                "Council for Citizen Participation and Social Control: the body of Ecuador's Transparency and Social Control Branch that promotes participation and citizen oversight and sets the annual accountability process for authorities.",
            ),
        ),
        entry(
            "term-datos-abiertos",
            t("Datos abiertos", "Open data"),
            t(
                "Datos públicos que cualquiera puede usar, reutilizar y redistribuir: en formatos abiertos y legibles por máquina (CSV, no PDF escaneado), con licencia abierta, metadatos que explican qué contienen y actualización regular.",
                "Public data anyone can use, reuse and redistribute: in open, machine-readable formats (CSV, not a scanned PDF), under an open licence, with metadata explaining what they hold, and updated regularly.",
            ),
        ),
        entry(
            "term-foro-multiactor",
            t("Foro multiactor", "Multi-stakeholder forum"),
            t(
                "Espacio permanente donde gobierno y sociedad civil (organizaciones sociales, academia, sector productivo, pueblos y nacionalidades) deciden juntos el plan de acción de gobierno abierto y siguen su cumplimiento. OGP lo pide a todos sus miembros.",
                "A standing space where government and civil society (social organisations, academia, the productive sector, peoples and nationalities) jointly decide the open-government action plan and follow its implementation. OGP asks every member to have one.",
            ),
        ),
        entry(
            "term-gobierno-abierto",
            t("Gobierno abierto", "Open government"),
            t(
                "Forma de gobernar basada en la transparencia, la participación ciudadana y la rendición de cuentas, apoyada en la colaboración y la innovación. Ver la primera sección de esta guía.",
                "A way of governing based on transparency, citizen participation and accountability, supported by collaboration and innovation. See the first section of this guide.",
            ),
        ),
        entry(
            "term-inclusion",
            t("Inclusión", "Inclusion"),
            t(
                "Que la información y la participación lleguen a quienes suelen quedar fuera: mujeres, jóvenes, personas mayores, personas con discapacidad, población rural dispersa, pueblos y nacionalidades. Se logra con lenguaje claro, otros idiomas, horarios y lugares accesibles y canales que no dependan de internet.",
                "Making information and participation reach those usually left out: women, young people, older people, people with disabilities, the dispersed rural population, peoples and nationalities. It takes plain language, other languages, accessible times and places, and channels that do not depend on the internet.",
            ),
        ),
        entry(
            "term-innovacion-civica",
            t("Innovación cívica", "Civic innovation"),
            t(
                "Uso de la tecnología y de nuevas formas de trabajo para abrir la gestión y facilitar la relación con la ciudadanía: trámites en línea, plataformas de participación, aplicaciones para reportar problemas o seguir obras, software libre que otros gobiernos pueden reutilizar.",
                "Using technology and new ways of working to open up government and ease its relationship with citizens: online procedures, participation platforms, apps to report problems or follow public works, open-source software other governments can reuse.",
            ),
        ),
        entry(
            "term-irm",
            t("IRM (Mecanismo de Revisión Independiente)", "IRM (Independent Reporting Mechanism)"),
            t(
                "El mecanismo de OGP que evalúa, con investigadores independientes, el diseño y los resultados de cada plan de acción. Sus informes son públicos y sus recomendaciones alimentan el plan siguiente: un buen ejemplo de monitoreo y evaluación.",
                "OGP's mechanism that assesses, with independent researchers, the design and results of each action plan. Its reports are public and its recommendations feed the next plan: a good example of monitoring and evaluation.",
            ),
        ),
        entry(
            "term-lopc",
            t("LOPC", "LOPC (Citizen Participation Act)"),
            t(
                "Ley Orgánica de Participación Ciudadana de Ecuador (Registro Oficial Suplemento 175, 20 de abril de 2010). Regula las instancias de participación, el presupuesto participativo, la silla vacía, las veedurías y la rendición de cuentas.",
                "Ecuador's Citizen Participation Act (Registro Oficial Supplement 175, 20 April 2010). It regulates participation bodies, participatory budgeting, the empty chair, citizen oversight committees and accountability.",
            ),
        ),
        entry(
            "term-lotaip",
            t("LOTAIP", "LOTAIP"),
            t(
                "Ley Orgánica de Transparencia y Acceso a la Información Pública de Ecuador. Establece qué información deben publicar las entidades (transparencia activa), cómo y en qué plazo responder solicitudes (transparencia pasiva) y el informe anual de cumplimiento ante la Defensoría del Pueblo.",
                "Ecuador's Organic Law on Transparency and Access to Public Information. It sets what information public bodies must publish (active transparency), how and how fast to answer requests (passive transparency), and the annual compliance report to the Ombudsman's Office.",
            ),
        ),
        entry(
            "term-ogp-local",
            t("OGP Local", "OGP Local"),
            t(
                "El programa de OGP para gobiernos subnacionales (provincias, estados, regiones, ciudades). Nació de un piloto de 2016 con 15 gobiernos, entre ellos Jalisco, La Libertad, Elgeyo Marakwet y São Paulo. En Ecuador son miembros Quito y Santo Domingo de los Tsáchilas.",
                "OGP's programme for sub-national governments (provinces, states, regions, cities). It grew out of a 2016 pilot with 15 governments, among them Jalisco, La Libertad, Elgeyo Marakwet and São Paulo. In Ecuador, Quito and Santo Domingo de los Tsáchilas are members.",
            ),
        ),
        entry(
            "term-participacion-ciudadana",
            t("Participación ciudadana", "Citizen participation"),
            t(
                "El derecho de las personas y sus organizaciones a intervenir en las decisiones públicas: informarse, opinar, proponer, decidir y vigilar. En Ecuador es un derecho constitucional, regulado por la LOPC y el COOTAD.",
                "The right of people and their organisations to take part in public decisions: be informed, give opinions, propose, decide and oversee. In Ecuador it is a constitutional right, regulated by the LOPC and the COOTAD.",
            ),
        ),
        entry(
            "term-plan-de-accion",
            t("Plan de acción", "Action plan"),
            t(
                "El documento en el que un miembro de OGP reúne sus compromisos para un período (por ejemplo, dos años), co-creado con la sociedad civil. Necesita respaldo político, un equipo responsable y recursos para cumplirse.",
                "The document in which an OGP member sets out its commitments for a period (for example, two years), co-created with civil society. It needs political backing, a team in charge and resources to be delivered.",
            ),
        ),
        entry(
            "term-presupuesto-participativo",
            t("Presupuesto participativo", "Participatory budgeting"),
            t(
                "Proceso en el que la ciudadanía propone y decide en qué se invierte una parte del presupuesto público. Nació en Porto Alegre (Brasil) en 1989 y hoy lo aplican miles de gobiernos. En Ecuador, la Constitución, la LOPC y el COOTAD lo exigen a los gobiernos autónomos descentralizados.",
                "A process in which citizens propose and decide how part of the public budget is invested. It began in Porto Alegre (Brazil) in 1989 and thousands of governments use it today. In Ecuador, the Constitution, the LOPC and the COOTAD require it of decentralised governments.",
            ),
        ),
        entry(
            "term-rendicion-de-cuentas",
            t("Rendición de cuentas", "Accountability"),
            t(
                "La obligación de las autoridades de informar y justificar ante la ciudadanía lo que hicieron, con qué recursos y con qué resultados, y de responder a sus preguntas. En Ecuador es un proceso anual que regula el CPCCS: evaluación interna, informe, deliberación pública con la ciudadanía y entrega del informe al CPCCS.",
                "The duty of authorities to report and justify to citizens what they did, with which resources and with what results, and to answer their questions. In Ecuador it is an annual process regulated by the CPCCS: internal assessment, report, public deliberation with citizens, and submission of the report to the CPCCS.",
            ),
        ),
        entry(
            "term-respuesta-razonada",
            t("Respuesta razonada", "Reasoned response"),
            t(
                "Explicar a quien participó qué se hizo con su aporte: si se adoptó, se adaptó o se descartó, y por qué. Sin ella la participación se vuelve un trámite; OGP la pide en la co-creación de los planes.",
                "Telling those who took part what was done with their input: whether it was adopted, adapted or set aside, and why. Without it, participation becomes a formality; OGP asks for it when plans are co-created.",
            ),
        ),
        entry(
            "term-silla-vacia",
            t("Silla vacía", "Empty chair"),
            t(
                "Un asiento en las sesiones de los gobiernos autónomos descentralizados (como el Consejo Provincial) que ocupa una representante o un representante ciudadano, según el tema que se trate, para participar en el debate y en la decisión (Constitución, art. 101). Cada GAD la regula por ordenanza: acreditación, convocatoria y registro de su uso.",
                "A seat at the sessions of decentralised governments (such as the Provincial Council) taken by a citizen representative, according to the matter under discussion, to take part in the debate and the decision (Constitution, art. 101). Each government regulates it by ordinance: accreditation, notice and a record of its use.",
            ),
        ),
        entry(
            "term-sistema-de-participacion",
            t("Sistema de participación ciudadana", "Citizen-participation system"),
            t(
                "El conjunto de instancias por las que la ciudadanía participa en un gobierno autónomo descentralizado —asamblea o instancia máxima de participación, consejos, audiencias públicas, cabildos— regulado por ordenanza, como piden el COOTAD y la LOPC. Cuenta si existe y, sobre todo, si se reúne y decide.",
                "The set of bodies through which citizens take part in a decentralised government —the highest participation body or assembly, councils, public hearings, town meetings— regulated by ordinance, as the COOTAD and the LOPC require. What counts is whether it exists and, above all, whether it meets and decides.",
            ),
        ),
        entry(
            "term-transparencia-activa",
            t("Transparencia activa", "Active transparency"),
            t(
                "La información que una entidad pública debe publicar por iniciativa propia, sin que nadie la pida: en Ecuador, la lista mínima de la LOTAIP (estructura, personal y remuneraciones, presupuesto, contratos, auditorías, servicios…), actualizada cada mes en la sección de transparencia del sitio web.",
                "The information a public body must publish on its own initiative, without being asked: in Ecuador, the LOTAIP's minimum list (structure, staff and pay, budget, contracts, audits, services…), updated every month in the website's transparency section.",
            ),
        ),
        entry(
            "term-transparencia-pasiva",
            t("Transparencia pasiva", "Passive transparency"),
            t(
                "La obligación de entregar la información que una persona solicita, sin que tenga que explicar para qué la quiere, dentro del plazo legal y negándola solo por las excepciones que fija la ley. Se mide por los canales disponibles, el registro de solicitudes y los tiempos de respuesta.",
                "The duty to hand over the information a person asks for, without their having to say why they want it, within the legal deadline, refusing only on the exceptions set by law. It is measured by the channels available, the log of requests and response times.",
            ),
        ),
        entry(
            "term-transparencia-proactiva",
            t("Transparencia proactiva (o focalizada)", "Proactive (targeted) transparency"),
            t(
                "Publicar, además del mínimo legal, la información que la gente realmente necesita, elegida a partir de sus preguntas frecuentes y pensada para resolver problemas concretos: estado de las vías, turnos de riego, avance de obras en cada parroquia.",
                "Publishing, beyond the legal minimum, the information people actually need, chosen from their frequent questions and aimed at concrete problems: road conditions, irrigation schedules, progress of works in each parish.",
            ),
        ),
    ]
}

fn source(title: &str, url: &str) -> Source {
    Source {
        title: title.to_owned(),
        url: url.to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
fn case(
    anchor: &str,
    title: Text,
    place: Text,
    country: Text,
    level: GovLevel,
    years: &str,
    what: Text,
    results: Text,
    indicators: &[&str],
    sources: Vec<Source>,
) -> Case {
    let indicators: Vec<String> = indicators.iter().map(|c| (*c).to_owned()).collect();
    let mut pillars: Vec<String> = Vec::new();
    for code in &indicators {
        let pillar = code.chars().take(1).collect::<String>();
        if !pillars.contains(&pillar) {
            pillars.push(pillar);
        }
    }
    Case {
        anchor: anchor.to_owned(),
        id: None,
        title,
        place,
        country,
        level,
        years: years.to_owned(),
        what,
        results,
        indicators,
        pillars,
        sources,
        presented_by: None,
    }
}

/// The built-in experiences, Latin American first.
pub fn cases() -> Vec<Case> {
    let ecuador = || t("Ecuador", "Ecuador");
    vec![
        case(
            "case-santo-domingo",
            t(
                "Santo Domingo de los Tsáchilas: una prefectura en OGP Local",
                "Santo Domingo de los Tsáchilas: a prefecture in OGP Local",
            ),
            t("Provincia de Santo Domingo de los Tsáchilas", "Santo Domingo de los Tsáchilas province"),
            ecuador(),
            GovLevel::Regional,
            "2021–2025",
            t(
                "El Gobierno Provincial, con la Universidad de las Fuerzas Armadas ESPE (sede Santo Domingo) y la Fundación de Ayuda por Internet (Fundapi), presentó a OGP su primer plan de acción local el 31 de julio de 2021 (vigente hasta mayo de 2023). Se creó un foro multiactor con la ciudadanía. La provincia, creada el 6 de noviembre de 2007, tiene 2 cantones, 10 parroquias y unos 550.000 habitantes (2020).",
                "The Provincial Government, with the Armed Forces University ESPE (Santo Domingo campus) and the Fundación de Ayuda por Internet (Fundapi), submitted its first local action plan to OGP on 31 July 2021 (running until May 2023). A multi-stakeholder forum was created with citizens. The province, created on 6 November 2007, has 2 cantons, 10 parishes and about 550,000 inhabitants (2020).",
            ),
            t(
                "El primer plan tuvo 3 compromisos, en ambiente, vialidad y desarrollo económico; de las tres propuestas seleccionadas, la primera fue co-crear una política pública de reforestación y cuidado ambiental. Un segundo plan (2024–2025) se presentó el 8 de febrero de 2024, con los pilares de transparencia, participación ciudadana y colaboración.",
                "The first plan had 3 commitments, on the environment, roads and economic development; of the three proposals selected, the first was to co-create a public policy on reforestation and environmental care. A second plan (2024–2025) was submitted on 8 February 2024, with transparency, citizen participation and collaboration as its pillars.",
            ),
            &["C4", "C2", "P1"],
            vec![
                source(
                    "OGP, Action plan – Santo Domingo de los Tsáchilas, Ecuador, 2021–2023",
                    "https://www.opengovpartnership.org/documents/action-plan-santo-domingo-de-los-tsachilas-ecuador-2021-2023/",
                ),
                source(
                    "OIDP, Premio 2022: propuesta de Santo Domingo de los Tsáchilas",
                    "https://participate.oidp.net/processes/award2022/f/272/proposals/3018/versions/1",
                ),
                source(
                    "OGP, Action plan – Santo Domingo de los Tsáchilas, Ecuador, 2024–2025",
                    "https://www.opengovpartnership.org/documents/action-plan-santo-domingo-de-los-tsachilas-ecuador-2024-2025/",
                ),
            ],
        ),
        case(
            "case-quito",
            t(
                "Quito: gobierno abierto por ordenanza y silla vacía en la norma",
                "Quito: open government by ordinance, and the empty chair in law-making",
            ),
            t("Distrito Metropolitano de Quito", "Metropolitan District of Quito"),
            ecuador(),
            GovLevel::Municipal,
            "2014–2023",
            t(
                "Una resolución del 12 de diciembre de 2014 encargó el gobierno abierto a la Secretaría General de Planificación, con los pilares de transparencia, participación y colaboración. La ordenanza de gobierno abierto se redactó desde finales de 2016 en la Comisión de Participación Ciudadana y Gobierno Abierto, y fue el primer uso en la ciudad de la silla vacía en un proceso normativo. Hoy está en el Código Municipal (Ordenanza Metropolitana 001 del 29 de marzo de 2019, Título III «Gobierno abierto»).",
                "A resolution of 12 December 2014 gave open government to the General Planning Secretariat, with transparency, participation and collaboration as pillars. The open-government ordinance was drafted from late 2016 in the Citizen Participation and Open Government Committee, and was the city's first use of the empty chair in law-making. It is now part of the Municipal Code (Metropolitan Ordinance 001 of 29 March 2019, Title III \"Open government\").",
            ),
            t(
                "La ordenanza se aprobó por unanimidad en septiembre de 2017; el portal de gobierno abierto funciona desde octubre de 2018. Quito fue la primera ciudad de Ecuador en gobierno abierto, antes de que el país entrara en OGP; desde octubre de 2020 es miembro de OGP Local y co-creó su segundo plan de acción (2022–2023).",
                "The ordinance was passed unanimously in September 2017; the open-government portal has run since October 2018. Quito was Ecuador's first city in open government, before the country joined OGP; since October 2020 it has been an OGP Local member and co-created its second action plan (2022–2023).",
            ),
            &["C2", "P3", "C4"],
            vec![
                source(
                    "Quito Cómo Vamos, «Quito a medio camino del gobierno abierto»",
                    "https://quitocomovamos.org/quito-a-medio-camino-del-gobierno-abierto/",
                ),
                source(
                    "OGP, Action plan – Quito, Ecuador, 2022–2023",
                    "https://opengovpartnership.org/documents/action-plan-quito-ecuador-2022-2023",
                ),
            ],
        ),
        case(
            "case-ecuador",
            t("Ecuador en OGP: el plan nacional", "Ecuador in OGP: the national plan"),
            t("Ecuador", "Ecuador"),
            ecuador(),
            GovLevel::National,
            "2018–2024",
            t(
                "Ecuador es miembro de OGP desde 2018. Su primer plan (2019–2021) tuvo 10 compromisos co-creados en un foro multiactor, todos relevantes para los valores de OGP, entre ellos violencia de género, transparencia de la contratación pública y democracia ambiental (Acuerdo de Escazú). El segundo plan (2022–2024) tiene 15 compromisos.",
                "Ecuador has been an OGP member since 2018. Its first plan (2019–2021) had 10 commitments co-created in a multi-stakeholder forum, all relevant to OGP values, among them gender-based violence, public-procurement transparency and environmental democracy (Escazú Agreement). The second plan (2022–2024) has 15 commitments.",
            ),
            t(
                "Según el IRM, de los 10 compromisos 2 tuvieron resultados tempranos sobresalientes, 1 significativos y 4 marginales. El portal de datos abiertos sumó muchos más conjuntos de datos e instituciones; las compras de emergencia durante el COVID-19 se hicieron accesibles. El IRM recomendó que la participación llegue al nivel territorial.",
                "According to the IRM, of the 10 commitments 2 had outstanding early results, 1 significant and 4 marginal. The open-data portal added many more datasets and publishing institutions; emergency purchases during COVID-19 were made accessible. The IRM recommended that participation reach the territorial level.",
            ),
            &["C1", "T4", "C4"],
            vec![
                source(
                    "OGP IRM, Ecuador Results Report 2019–2022",
                    "https://opengovpartnership.org/documents/ecuador-results-report-2019-2022",
                ),
                source(
                    "OGP IRM, Ecuador Design Report 2019–2021",
                    "https://opengovpartnership.org/documents/ecuador-design-report-2019-2021",
                ),
                source("OGP, Ecuador (member page)", "https://www.opengovpartnership.org/members/ecuador/"),
            ],
        ),
        case(
            "case-cotacachi",
            t(
                "Cotacachi: la Asamblea de Unidad Cantonal",
                "Cotacachi: the Cantonal Unity Assembly",
            ),
            t("Cantón Cotacachi, Imbabura", "Cotacachi canton, Imbabura"),
            ecuador(),
            GovLevel::Municipal,
            "1996–",
            t(
                "Desde 1996, con el alcalde Auki Tituaña, la gestión municipal se basó en la Asamblea de Unidad Cantonal, que reúne a organizaciones indígenas, sociales, artesanales y de transporte y a instituciones públicas y privadas junto con el municipio.",
                "From 1996, under mayor Auki Tituaña, municipal management was based on the Cantonal Unity Assembly, which brings together indigenous, social, artisan and transport organisations and public and private institutions with the municipality.",
            ),
            t(
                "La asamblea se institucionalizó por ordenanza municipal (31 de enero de 2000) y es un referente de participación en Ecuador anterior a la Constitución de 2008, estudiado en trabajos académicos posteriores.",
                "The assembly was institutionalised by municipal ordinance (31 January 2000) and is a reference for participation in Ecuador that predates the 2008 Constitution, studied in later academic work.",
            ),
            &["P1", "P5"],
            vec![
                source(
                    "Llacta, entrevista al alcalde Auki Tituaña (2001)",
                    "http://llacta.org/notic/011201b.htm",
                ),
                source(
                    "César Alvear (2021), «El gobierno civil de la participación en Cotacachi antes y durante la Constitución de 2008», Revista Chakiñan 14",
                    "https://doi.org/10.37135/chk.002.14.07",
                ),
            ],
        ),
        case(
            "case-narino",
            t(
                "Nariño: Gobierno Abierto de Nariño (GANA)",
                "Nariño: Open Government of Nariño (GANA)",
            ),
            t("Departamento de Nariño", "Nariño department"),
            t("Colombia", "Colombia"),
            GovLevel::Regional,
            "2016–2019",
            t(
                "La gobernación construyó su plan de desarrollo «Nariño, corazón del mundo» recorriendo todas las subregiones con 31.700 ciudadanos, y todo el gabinete departamental presentó públicamente sus declaraciones juradas de bienes. La Ordenanza 035 del 27 de diciembre de 2018 estableció la Política Pública de Gobierno Abierto de Nariño. Se reunió con Meta y la Provincia del Carchi (Ecuador) sobre gobierno abierto y anticorrupción.",
                "The governorship built its development plan \"Nariño, corazón del mundo\" by touring every sub-region with 31,700 citizens, and the whole departmental cabinet publicly presented sworn asset declarations. Ordinance 035 of 27 December 2018 established Nariño's Open Government Public Policy. It met with Meta and the Province of Carchi (Ecuador) on open government and anti-corruption.",
            ),
            t(
                "En octubre de 2018 ORU FOGAR y el PNUD reconocieron a GANA como una de las cinco buenas prácticas de gestión pública del mundo.",
                "In October 2018 ORU FOGAR and UNDP recognised GANA as one of five good public-management practices in the world.",
            ),
            &["C2", "P1", "T5"],
            vec![
                source(
                    "ORU FOGAR, Camilo Romero Galeano, «A new government, a new power»",
                    "https://regionsunies-fogar.org/en/media-files/opinion-articles/457-a-new-government-a-new-power",
                ),
                source(
                    "Gobernación de Nariño, encuentro de cooperación para fortalecer el gobierno abierto",
                    "http://2016-2019.narino.gov.co/index.php/sala-de-prensa/noticias/986-encuentro-de-cooperacion-para-fortalecer-el-gobierno-abierto",
                ),
            ],
        ),
        case(
            "case-la-libertad",
            t(
                "La Libertad: gobierno regional pionero de OGP",
                "La Libertad: a pioneer regional government in OGP",
            ),
            t("Región La Libertad", "La Libertad region"),
            t("Perú", "Peru"),
            GovLevel::Regional,
            "2016–2020",
            t(
                "Miembro del piloto subnacional de OGP desde 2016, con un primer plan de compromisos sectoriales (2016–2018). El segundo plan (2018–2020), presentado en diciembre de 2018, tuvo 6 compromisos, un foro multiactor y la plataforma de participación «Decide La Libertad».",
                "A member of OGP's sub-national pilot since 2016, with a first plan of sectoral commitments (2016–2018). The second plan (2018–2020), submitted in December 2018, had 6 commitments, a multi-stakeholder forum and the participation platform \"Decide La Libertad\".",
            ),
            t(
                "Según el IRM, 5 de los 6 compromisos eran relevantes para los valores de OGP y 2 transformadores; el nivel de influencia del público fue «consultar», y el gobierno no publicó una respuesta razonada a los aportes recibidos: una lección para la co-creación.",
                "According to the IRM, 5 of the 6 commitments were relevant to OGP values and 2 transformative; the level of public influence was \"consult\", and the government did not publish a reasoned response to the contributions it received: a lesson for co-creation.",
            ),
            &["C4", "P4", "C2"],
            vec![source(
                "OGP IRM, La Libertad Design Report 2018–2020",
                "https://www.opengovpartnership.org/documents/la-libertad-design-report-2018-2020/",
            )],
        ),
        case(
            "case-jalisco",
            t("Jalisco: plan local co-creado", "Jalisco: a co-created local plan"),
            t("Estado de Jalisco", "State of Jalisco"),
            t("México", "Mexico"),
            GovLevel::Regional,
            "2015–2024",
            t(
                "El Secretariado Técnico de Gobierno Abierto de Jalisco se creó el 15 de octubre de 2015 con sociedad civil, academia, sector privado y autoridades estatales y municipales. Su primer plan local (30 de noviembre de 2016) tuvo 7 compromisos y adoptó cuatro pilares: transparencia, participación cívica, tecnología e innovación, y rendición de cuentas. Entre sus compromisos: reducir la brecha salarial entre mujeres y hombres y un registro estatal de habilidades de personas con discapacidad.",
                "Jalisco's Technical Secretariat for Open Government was created on 15 October 2015 by civil society, academia, the private sector and state and municipal leaders. Its first local plan (30 November 2016) had 7 commitments and adopted four pillars: transparency, civic participation, technology and innovation, and accountability. Its commitments included reducing the wage gap between women and men and a state register of skills of people with disabilities.",
            ),
            t(
                "El plan 2019–2021 tuvo 8 compromisos, como un portal de retroalimentación ciudadana sobre proyectos de ley y la transparencia de los programas sociales. Al concluir dos planes locales habían participado todos los poderes del estado y cinco municipios del área metropolitana de Guadalajara, con 15 compromisos.",
                "The 2019–2021 plan had 8 commitments, such as a citizen-feedback portal on draft laws and transparency of social programmes. By the end of two local plans, all branches of state government and five municipalities of the Guadalajara metropolitan area had taken part, with 15 commitments.",
            ),
            &["C4", "C2", "P5"],
            vec![
                source("OGP, Jalisco, Mexico (member page)", "https://www.opengovpartnership.org/members/jalisco-mexico/"),
                source(
                    "Jalisco, Plan de Acción Local 2016–2018",
                    "https://docslib.org/doc/10708447",
                ),
                source(
                    "OGP, Action plan – Jalisco, Mexico, 2021–2024 (foreword)",
                    "https://opengovpartnership.org/?p=71832",
                ),
            ],
        ),
        case(
            "case-buenos-aires",
            t("Buenos Aires: BA Obras, obra pública abierta", "Buenos Aires: BA Obras, open public works"),
            t("Ciudad Autónoma de Buenos Aires", "City of Buenos Aires"),
            t("Argentina", "Argentina"),
            GovLevel::Municipal,
            "2017–2021",
            t(
                "En noviembre de 2017 la ciudad lanzó BA Obras, una plataforma georreferenciada con cada obra pública: nombre, tipo, descripción, plazos, avance, ubicación, presupuesto, contratista y trabajadores. Publicó el código en GitHub para que otros lo reutilicen, con manuales y mesa de ayuda. Fue el compromiso AR0069 del plan nacional de Argentina 2017–2019.",
                "In November 2017 the city launched BA Obras, a georeferenced platform showing each public work: name, type, description, deadlines, progress, location, budget, contractor and workers. It published the code on GitHub for others to reuse, with manuals and a help desk. It was commitment AR0069 of Argentina's 2017–2019 national plan.",
            ),
            t(
                "Más de 1.100 proyectos publicados, con datos casi en tiempo real y menos quejas ciudadanas sobre las obras; replicado en 8 ciudades de las Américas. El IRM lo destacó como compromiso estelar, con resultados tempranos sobresalientes.",
                "More than 1,100 projects published, with near real-time data and fewer citizen complaints about works; replicated in 8 cities of the Americas. The IRM marked it a starred commitment, with outstanding early results.",
            ),
            &["T4", "C1", "R2"],
            vec![
                source(
                    "OECD OPSI, BA Obras (Open Urban Works)",
                    "https://oecd-opsi.org/innovations/ba-obras-open-urban-works/",
                ),
                source(
                    "Open Contracting Partnership (12/07/2021), From open data to joined-up government: BA Obras",
                    "https://open-contracting.org/es/2021/07/12/from-open-data-to-joined-up-government-driving-efficiency-with-ba-obras",
                ),
                source(
                    "OGP, commitment AR0069",
                    "https://www.opengovpartnership.org/members/argentina/commitments/AR0069/",
                ),
            ],
        ),
        case(
            "case-sao-paulo",
            t(
                "São Paulo: Agentes de Gobierno Abierto",
                "São Paulo: Open Government Agents",
            ),
            t("Municipio de São Paulo", "City of São Paulo"),
            t("Brasil", "Brazil"),
            GovLevel::Municipal,
            "2014–2024",
            t(
                "En 2014 la ciudad institucionalizó el gobierno abierto con la iniciativa São Paulo Aberta y un comité intersecretarial (CIGA-SP); en 2016 entró en el piloto subnacional de OGP. Priorizó la formación: el programa Agentes de Gobierno Abierto lleva talleres a todas las regiones de la ciudad. Sus planes los co-crea un Foro de Gestión Compartida (en el tercer plan, 8 organizaciones de la sociedad civil y 8 órganos de gobierno).",
                "In 2014 the city institutionalised open government through the São Paulo Aberta initiative and an inter-secretarial committee (CIGA-SP); in 2016 it joined OGP's sub-national pilot. It put training first: the Open Government Agents programme takes workshops to every region of the city. Its plans are co-created by a Shared Management Forum (in the third plan, 8 civil-society organisations and 8 government bodies).",
            ),
            t(
                "El IRM calificó de marginales los primeros resultados del compromiso de ampliar el programa (2017) y señaló que los cambios de gobierno afectaron la implementación; tras sus recomendaciones se añadieron talleres participativos con la ciudadanía.",
                "The IRM rated the early results of the commitment to expand the programme (2017) as marginal and noted that changes of administration affected implementation; after its recommendations, participatory workshops with citizens were added.",
            ),
            &["C3", "C4"],
            vec![
                source(
                    "OGP, Action plan – São Paulo, Brazil, 2021–2024",
                    "https://www.opengovpartnership.org/documents/action-plan-sao-paulo-brazil-2021-2024/",
                ),
                source(
                    "OGP IRM, São Paulo Progress Report 2017 (Laura Trajber Waisbich)",
                    "https://docslib.org/doc/4724198/irm-s%C3%A3o-paulo-brazil-progress-report-2017",
                ),
                source(
                    "OGP, commitment SAO0002 (Open Government Agents)",
                    "https://www.opengovpartnership.org/members/sao-paulo-brazil/commitments/SAO0002/",
                ),
            ],
        ),
        case(
            "case-porto-alegre",
            t(
                "Porto Alegre: el origen del presupuesto participativo",
                "Porto Alegre: where participatory budgeting began",
            ),
            t("Municipio de Porto Alegre", "City of Porto Alegre"),
            t("Brasil", "Brazil"),
            GovLevel::Municipal,
            "1989–",
            t(
                "Desde 1989 la ciudad (1,3 millones de habitantes) abrió la formulación de su presupuesto a un amplio espectro de personas: el Orçamento Participativo. En 1996 la Cumbre de la ONU sobre Asentamientos Humanos (Estambul) lo presentó como innovación urbana ejemplar.",
                "From 1989 the city (1.3 million inhabitants) opened the drafting of its budget to a wide range of people: the Orçamento Participativo. In 1996 the UN Summit on Human Settlements (Istanbul) presented it as an exemplary urban innovation.",
            ),
            t(
                "Mejoró el acceso a infraestructura y servicios de pequeña escala y se volvió modelo en Brasil y el mundo: más de 2.700 gobiernos aplican alguna versión. Con el tiempo perdió apoyo político y una administración posterior suspendió el proceso: una lección sobre anclarlo en normas y presupuesto.",
                "It improved access to small-scale infrastructure and services and became a model in Brazil and worldwide: over 2,700 governments use some version of it. Over time political support declined and a later administration suspended the process: a lesson in anchoring it in rules and budget.",
            ),
            &["P2", "P4"],
            vec![
                source(
                    "World Bank (2003), Porto Alegre, Brazil: Participatory Approaches in Budgeting and Public Expenditure Management",
                    "https://hdl.handle.net/10986/11309",
                ),
                source(
                    "WRI (2018), Porto Alegre: Participatory Budgeting and the Challenge of Sustaining Transformative Change",
                    "https://wrirosscities.org/research/publication/porto-alegre-participatory-budgeting-and-challenge-sustaining-transformative-change",
                ),
            ],
        ),
        case(
            "case-paris",
            t("París: presupuesto participativo", "Paris: participatory budget"),
            t("Ciudad de París", "City of Paris"),
            t("Francia", "France"),
            GovLevel::Municipal,
            "2014–2020",
            t(
                "Lanzado en 2014, con el compromiso de dedicar el 5 % del presupuesto de inversión de la ciudad (426 millones de euros en 2014–2020). Desde 2016, el 30 % se destina a barrios desfavorecidos; en 2017 también votaron niños y niñas en las escuelas.",
                "Launched in 2014, with the pledge to devote 5% of the city's investment budget (€426 million over 2014–2020). Since 2016, 30% has gone to deprived areas; in 2017 children also voted in schools.",
            ),
            t(
                "Proyectos adoptados: 9 (2014), 188 (2015), 219 (2016); presupuesto: 17,7 millones de euros (2014), 75 (2015), 100 (2016); votantes: 40.754 (2014), 70.000 (2015), 92.809 (2016). En 2016 se presentaron 3.200 proyectos y 624 se sometieron a votación; 66.155 niños y niñas votaron en el presupuesto de las escuelas de 2017.",
                "Projects adopted: 9 (2014), 188 (2015), 219 (2016); budget: €17.7 million (2014), €75 million (2015), €100 million (2016); voters: 40,754 (2014), 70,000 (2015), 92,809 (2016). In 2016, 3,200 projects were submitted and 624 put to the vote; 66,155 children voted in the 2017 schools budget.",
            ),
            &["P2", "P5"],
            vec![
                source(
                    "Council of Europe, Intercultural Cities: Participatory Budget (Paris)",
                    "https://www.coe.int/web/interculturalcities/-/participatory-budget",
                ),
                source(
                    "Affiches Parisiennes, «Le budget participatif : Paris aux Parisiens»",
                    "https://www.affiches-parisiennes.com/le-budget-participatif-paris-aux-parisiens-4650.html",
                ),
            ],
        ),
        case(
            "case-madrid",
            t("Madrid: Decide Madrid y CONSUL", "Madrid: Decide Madrid and CONSUL"),
            t("Ciudad de Madrid", "City of Madrid"),
            t("España", "Spain"),
            GovLevel::Municipal,
            "2015–2020",
            t(
                "En 2015 el Ayuntamiento lanzó Decide Madrid, plataforma oficial única para debates, propuestas ciudadanas y presupuestos participativos, con software libre (CONSUL) que adoptaron gobiernos de todo el mundo, como París, Turín y Buenos Aires.",
                "In 2015 the City Council launched Decide Madrid, a one-stop official platform for debates, citizen proposals and participatory budgeting, built on open-source software (CONSUL) adopted by governments worldwide, such as Paris, Turin and Buenos Aires.",
            ),
            t(
                "Usuarios registrados: 180.000 (2016) y 464.654 (2020). El presupuesto participativo pasó de 30 millones de euros en los primeros ciclos a 100 millones en 2018, y los participantes de 45.000 a más de 90.000; 26.961 personas votaron la remodelación de la Plaza de España. Premio de Servicio Público de la ONU (2018). Tuvo dificultades para gestionar muchas propuestas y los procesos decayeron después de 2019.",
                "Registered users: 180,000 (2016) and 464,654 (2020). The participatory budget grew from €30 million in the first cycles to €100 million in 2018, and participants from 45,000 to over 90,000; 26,961 people voted on the remodelling of Plaza de España. UN Public Service Award (2018). It struggled to handle many proposals and processes declined after 2019.",
            ),
            &["P2", "C5", "P1"],
            vec![
                source("OECD OPSI, Consul Project", "https://oecd-opsi.org/innovations/consul-project/"),
                source(
                    "Democracy Technologies (24/11/2023), Decide Madrid and Consul",
                    "https://democracy-technologies.org/participation/decide-madrid-and-consul/",
                ),
                source("CONSUL documentation, Madrid", "https://docs.consuldemocracy.org/use_cases/spain/madrid"),
            ],
        ),
        case(
            "case-kaduna",
            t(
                "Kaduna: ojos y oídos ciudadanos sobre las obras",
                "Kaduna: citizens' eyes and ears on public works",
            ),
            t("Estado de Kaduna", "Kaduna State"),
            t("Nigeria", "Nigeria"),
            GovLevel::Regional,
            "2018–2020",
            t(
                "Con la aplicación Kaduna Citizen Feedback (programa «Eyes and Ears»), la ciudadanía sigue los proyectos de infraestructura con fotos, SMS, líneas telefónicas y redes sociales; la aplicación muestra las obras a menos de 2 km. La reforma formó parte del plan de acción OGP del estado 2018–2020 y la impulsó el Departamento de Monitoreo y Evaluación de la Comisión de Planificación y Presupuesto.",
                "With the Kaduna Citizen Feedback app (\"Eyes and Ears\" programme), citizens follow infrastructure projects through photos, SMS, hotlines and social media; the app shows works within 2 km. The reform was part of the state's 2018–2020 OGP action plan and was driven by the Monitoring and Evaluation Department of the Planning and Budget Commission.",
            ),
            t(
                "Monitoreo de más de 6.000 proyectos; una base de datos para excluir a contratistas incumplidos; el gobierno informa a diario sobre la calidad de las obras. El Banco Mundial lo llamó un avance en la participación ciudadana.",
                "Monitoring of over 6,000 projects; a database to blacklist non-performing contractors; the government reports daily on the quality of works. The World Bank called it a breakthrough in citizen engagement.",
            ),
            &["R2", "R5", "C5"],
            vec![
                source(
                    "OGP Stories (11/07/2018), Kaduna, Nigeria: All Eyes on Government",
                    "https://www.ogpstories.org/impact_story/kaduna-nigeria-all-eyes-on-government/",
                ),
                source(
                    "OGP Leaders Network, Citizen Feedback App",
                    "https://opengovpartnership.org/people/citizen-feedback-app",
                ),
                source("Kaduna Eyes and Ears", "http://kadunaeyesandears.org/?page_id=376"),
            ],
        ),
        case(
            "case-elgeyo-marakwet",
            t(
                "Elgeyo Marakwet: un condado que se une a OGP",
                "Elgeyo Marakwet: a county joins OGP",
            ),
            t("Condado de Elgeyo Marakwet", "Elgeyo Marakwet County"),
            t("Kenia", "Kenya"),
            GovLevel::Regional,
            "2016–2020",
            t(
                "Primer condado de Kenia en unirse voluntariamente a OGP (2016). Su plan 2018–2020 tuvo 5 compromisos: transparencia de la contratación, prestación de servicios de salud, planificación y presupuesto, y participación de jóvenes, mujeres y personas con discapacidad, co-creados en un foro multiactor.",
                "The first county in Kenya to join OGP voluntarily (2016). Its 2018–2020 plan had 5 commitments: procurement transparency, health service delivery, planning and budgeting, and engagement of young people, women and persons with disabilities, co-created in a multi-stakeholder forum.",
            ),
            t(
                "El IRM valoró los 5 compromisos como relevantes para los valores de OGP, 1 transformador, con un nivel de influencia pública de «colaborar». Antes, la participación atraía a mucha gente pero poco diversa —dominaban quienes vivían más cerca— y los primeros resultados en inclusión fueron marginales (IRM 2017).",
                "The IRM rated all 5 commitments relevant to OGP values, 1 transformative, with a level of public influence of \"collaborate\". Earlier, participation drew many people but little diversity —those living nearest dominated— and early results on inclusion were marginal (IRM 2017).",
            ),
            &["P5", "C4", "T4"],
            vec![
                source(
                    "OGP IRM, Elgeyo Marakwet Design Report 2018–2020",
                    "https://www.opengovpartnership.org/documents/elgeyo-marakwet-design-report-2018-2020/",
                ),
                source(
                    "OGP, commitment ELG0001 (Citizen Participation in Local Governance)",
                    "https://www.opengovpartnership.org/members/elgeyo-marakwet-kenya/commitments/ELG0001/",
                ),
                source(
                    "OGP, Action plan – Elgeyo Marakwet, Kenya, 2025–2027",
                    "https://opengovpartnership.org/documents/action-plan-elgeyo-marakwet-kenya-2025-2027",
                ),
            ],
        ),
    ]
}

/// The default framework's pillars, by code, for the library's filter.
pub fn pillars() -> Vec<(String, Text)> {
    [
        ("T", t("Transparencia", "Transparency")),
        ("P", t("Participación ciudadana", "Citizen participation")),
        ("R", t("Rendición de cuentas", "Accountability")),
        (
            "C",
            t("Colaboración e innovación", "Collaboration and innovation"),
        ),
    ]
    .into_iter()
    .map(|(code, name)| (code.to_owned(), name))
    .collect()
}
