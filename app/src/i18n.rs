//! Spanish and English for every string the interface shows.
//!
//! One small module instead of a framework: the set of keys is an enum, so a string missing
//! in either language is a compile error, and server-side errors can carry a [`Key`] that the
//! browser renders in the reader's language.

use serde::{Deserialize, Serialize};

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "rumbo_lang";

/// A language of the interface. Spanish comes first: Rumbo is made for Ecuador.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Español.
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The BCP 47 code, as used in `<html lang>` and in the language cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
        }
    }

    /// Reads a language code (`es`, `en`, `es-EC`, `EN`…); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for a request: the remembered choice first, then the browser's
    /// preferences, then Spanish.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = cookie.and_then(Lang::from_code) {
            return lang;
        }
        accept_language
            .map(accept_language::parse)
            .unwrap_or_default()
            .iter()
            .find_map(|tag| Lang::from_code(tag))
            .unwrap_or_default()
    }

    /// Picks this language's variant of a pair of texts.
    pub fn pick<'a>(self, es: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($key:ident => ($es:expr, $en:expr)),* $(,)?) => {
        /// A message of the interface. See [`Lang::t`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for completeness checks.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
            /// The name of each key, in the order of [`Key::ALL`]: what crosses the wire.
            const NAMES: &'static [&'static str] = &[$(stringify!($key)),*];
        }

        impl Lang {
            /// The message for `key` in this language.
            pub fn t(self, key: Key) -> &'static str {
                match (self, key) {
                    $((Lang::Es, Key::$key) => $es, (Lang::En, Key::$key) => $en,)*
                }
            }
        }
    };
}

// Keys cross the wire by name, as serde's derive would write them, but through one lookup in
// a table: the derived code matched each of the ~900 names in every deserializer it was used
// with, which alone made about a tenth of the browser's WebAssembly.
impl Key {
    /// The key's name, as it is written in JSON.
    pub fn name(self) -> &'static str {
        Key::NAMES[self as usize]
    }
}

impl Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Key::NAMES
            .iter()
            .position(|known| *known == name)
            .map(|at| Key::ALL[at])
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, Key::NAMES))
    }
}

messages! {
    AppName => ("Rumbo", "Rumbo"),
    AppTagline => (
        "Autoevaluación de gobierno abierto y hoja de ruta para gobiernos locales",
        "Open-government self-assessment and roadmap for local governments"
    ),
    SkipToContent => ("Saltar al contenido", "Skip to content"),
    NavHome => ("Inicio", "Home"),
    NavMain => ("Navegación principal", "Main navigation"),
    LanguageSwitch => ("Idioma", "Language"),
    HomeTitle => ("Gobierno abierto, paso a paso", "Open government, step by step"),
    HomeIntro => (
        "Rumbo acompaña talleres de autoevaluación de gobierno abierto: cada equipo valora la madurez de su gobierno en transparencia, participación ciudadana, rendición de cuentas y colaboración, y los resultados se convierten en una hoja de ruta.",
        "Rumbo runs open-government self-assessment workshops: each team scores its government's maturity in transparency, citizen participation, accountability and collaboration, and the results become a roadmap."
    ),
    HomeHowTitle => ("Cómo funciona un taller", "How a workshop works"),
    HomeStepAssess => (
        "Los equipos valoran cada indicador del 1 (inicial) al 5 (optimizado), con evidencias.",
        "Teams score each indicator from 1 (initial) to 5 (optimising), with evidence."
    ),
    HomeStepReview => (
        "El facilitador muestra en vivo el consenso de cada equipo y dónde hay desacuerdo.",
        "The facilitator shows each team's consensus live, and where members disagree."
    ),
    HomeStepPrioritise => (
        "Se proponen y priorizan acciones frente a las debilidades.",
        "Actions are proposed against the weaknesses and prioritised."
    ),
    HomeStepRoadmap => (
        "Cada gobierno se lleva una hoja de ruta con plazos, responsables e hitos.",
        "Each government takes home a roadmap with horizons, owners and milestones."
    ),
    HomeDemoTitle => ("Explore el taller de demostración", "Explore the demo workshop"),
    HomeDemoText => (
        "Un taller de ejemplo con prefecturas del Ecuador y respuestas ficticias.",
        "A sample workshop with Ecuadorian prefectures and fictitious answers."
    ),
    HomeDemoResults => ("Ver resultados del taller", "See the workshop's results"),
    HomeDemoCode => ("Código para unirse", "Join code"),
    HomeNoDemo => (
        "Todavía no hay un taller de demostración. Cárguelo con «rumbo demo».",
        "There is no demo workshop yet. Load it with “rumbo demo”."
    ),
    ResultsTitle => ("Resultados", "Results"),
    ResultsIntro => (
        "Promedio del nivel de madurez (1 a 5) por pilar y equipo. Se excluyen las respuestas «no aplica» y «no sé».",
        "Average maturity level (1 to 5) by pillar and team. “Not applicable” and “don't know” answers are left out."
    ),
    ResultsRadarTitle => ("Promedio por pilar y equipo", "Pillar averages by team"),
    ResultsTableCaption => ("Promedio por pilar y equipo (datos del gráfico)", "Pillar averages by team (chart data)"),
    ResultsTeam => ("Equipo", "Team"),
    ResultsAnswers => ("Respuestas", "Answers"),
    ResultsHiddenTeams => (
        "Equipos ocultos por tener menos participantes que el umbral de anonimato:",
        "Teams hidden because they have fewer participants than the anonymity threshold:"
    ),
    ResultsThreshold => ("Umbral de anonimato", "Anonymity threshold"),
    ResultsNoData => ("Aún no hay respuestas suficientes para mostrar.", "There are not enough answers to show yet."),
    ResultsNoValue => ("sin datos", "no data"),
    ChartLoading => ("Cargando el gráfico…", "Loading the chart…"),
    ChartTableNote => (
        "La tabla contiene los mismos datos que el gráfico.",
        "The table holds the same data as the chart."
    ),
    Loading => ("Cargando…", "Loading…"),
    NotFoundTitle => ("Página no encontrada", "Page not found"),
    NotFoundText => (
        "La dirección no existe o ya no está disponible. Revise el enlace o vuelva al inicio.",
        "This address does not exist or is no longer available. Check the link or go back home."
    ),
    BackHome => ("Volver al inicio", "Back to home"),
    ErrorTitle => ("Algo salió mal", "Something went wrong"),
    ErrNotFound => ("No encontramos lo que busca.", "We could not find what you are looking for."),
    ErrUnauthorized => (
        "Su sesión no es válida o caducó. Únase al taller con su código o abra su enlace personal.",
        "Your session is not valid or has expired. Join the workshop with its code or open your personal link."
    ),
    ErrForbidden => ("No tiene permiso para hacer esto.", "You are not allowed to do this."),
    ErrBadRequest => (
        "No pudimos leer la solicitud. Recargue la página e inténtelo de nuevo.",
        "We could not read the request. Reload the page and try again."
    ),
    ErrInternal => (
        "Tuvimos un problema en el servidor. Sus datos guardados están a salvo; inténtelo de nuevo en un momento.",
        "We had a problem on the server. Your saved data is safe; please try again in a moment."
    ),
    ErrNetwork => (
        "No hay conexión con el servidor. Compruebe su conexión e inténtelo de nuevo.",
        "The server cannot be reached. Check your connection and try again."
    ),
    ErrDuplicate => ("Ese valor ya existe.", "That value already exists."),
    ErrLevelRange => ("El nivel debe estar entre 1 y 5.", "The level must be between 1 and 5."),
    ErrJoinCodeFormat => (
        "El código debe tener entre 4 y 12 letras o números.",
        "The code must have 4 to 12 letters or digits."
    ),
    HomeJoinTitle => ("Unirse a un taller", "Join a workshop"),
    HomeJoinText => (
        "¿Le dieron un código? Escríbalo aquí para valorar la madurez de su gobierno con su equipo.",
        "Were you given a code? Type it here to assess your government's maturity with your team."
    ),
    JoinTitle => ("Unirse a un taller", "Join a workshop"),
    JoinCodeLabel => ("Código del taller", "Workshop code"),
    JoinCodeHint => (
        "El facilitador lo muestra en pantalla, por ejemplo DEMO-2026. No importan mayúsculas, espacios ni guiones.",
        "The facilitator shows it on screen, e.g. DEMO-2026. Case, spaces and dashes do not matter."
    ),
    JoinContinue => ("Continuar", "Continue"),
    JoinWorkshopFound => ("Va a unirse al taller", "You are joining the workshop"),
    JoinNameLabel => ("Su nombre", "Your name"),
    JoinNameHint => (
        "Como quiere que lo vea su equipo, por ejemplo «María (Planificación)». Las demás prefecturas no ven su nombre.",
        "As your team should see it, e.g. “María (Planning)”. Other prefectures do not see your name."
    ),
    JoinTeamLabel => ("Su equipo", "Your team"),
    JoinTeamChoose => ("Elija su equipo…", "Choose your team…"),
    JoinDemoLead => (
        "En el taller de demostración, todos entran como líderes de equipo para probar esas herramientas.",
        "In the demo workshop everyone joins as a team lead, to try those tools."
    ),
    JoinSubmit => ("Unirme", "Join"),
    JoinOtherCode => ("Usar otro código", "Use another code"),
    WelcomeTitle => ("Bienvenido", "Welcome"),
    WelcomeTeam => ("Su equipo:", "Your team:"),
    WelcomeStart => ("Empezar la autoevaluación", "Start the assessment"),
    ResumeTitle => ("Su enlace personal", "Your personal link"),
    ResumeExplain => (
        "Guárdelo (cópielo en un mensaje para usted): con él puede continuar en otro dispositivo, con sus respuestas.",
        "Keep it (copy it into a message to yourself): with it you can continue on another device, with your answers."
    ),
    ResumeOnce => (
        "Se muestra una sola vez. Si lo pierde, puede pedir uno nuevo desde su autoevaluación; el anterior dejará de funcionar.",
        "It is shown only once. If you lose it, you can ask for a new one from your assessment; the old one will stop working."
    ),
    ResumeRenewExplain => (
        "¿Quiere seguir en otro dispositivo? Pida un enlace personal nuevo; el anterior dejará de funcionar.",
        "Want to continue on another device? Ask for a new personal link; the old one will stop working."
    ),
    ResumeRenew => ("Crear un enlace nuevo", "Make a new link"),
    ParticipantNav => ("Secciones del taller", "Workshop sections"),
    TabAssess => ("Autoevaluación", "Assessment"),
    TabReview => ("Revisión", "Review"),
    TabTeam => ("Mi equipo", "My team"),
    AssessTitle => ("Autoevaluación", "Assessment"),
    AssessIntro => (
        "Un paso por pilar. Para cada indicador, elija el nivel que describe mejor a su gobierno hoy. Cada respuesta se guarda sola.",
        "One step per pillar. For each indicator, choose the level that best describes your government today. Every answer saves by itself."
    ),
    AssessStart => ("Empezar", "Start"),
    AssessContinue => ("Continuar", "Continue"),
    AssessmentReadOnly => (
        "La fase de autoevaluación está cerrada: puede ver sus respuestas, pero ya no cambiarlas.",
        "The assessment phase is closed: you can see your answers but no longer change them."
    ),
    ProgressOverall => ("Avance total", "Overall progress"),
    ProgressOf => ("{answered} de {total} respondidos", "{answered} of {total} answered"),
    StepsNav => ("Pilares", "Pillars"),
    StepOf => ("Paso {step} de {count}", "Step {step} of {count}"),
    StepPrevious => ("← Anterior", "← Previous"),
    StepNext => ("Siguiente →", "Next →"),
    StepToReview => ("Revisar lo que falta →", "Review what is left →"),
    AnswerLevelLegend => ("Nivel actual", "Level today"),
    AnswerNotApplicable => ("No aplica", "Not applicable"),
    AnswerDontKnow => ("No sé", "Don't know"),
    AnswerMarkLegend => ("Para su gobierno, esto es…", "For your government, this is…"),
    MarkStrength => ("Una fortaleza", "A strength"),
    MarkWeakness => ("Una debilidad", "A weakness"),
    MarkNeutral => ("Ni una ni otra", "Neither"),
    AnswerDetails => ("Meta, evidencia y nota (opcional)", "Target, evidence and note (optional)"),
    AnswerTarget => ("Nivel que deberían alcanzar", "Level you should reach"),
    AnswerNoTarget => ("Sin meta", "No target"),
    AnswerEvidence => ("Enlace a una evidencia (http o https)", "Link to evidence (http or https)"),
    AnswerNote => ("Nota (hasta 2000 caracteres)", "Note (up to 2000 characters)"),
    AnswerSave => ("Guardar", "Save"),
    SaveNeedsResponse => (
        "Elija un nivel (o «No aplica» / «No sé») y se guardará todo.",
        "Choose a level (or “Not applicable” / “Don't know”) and everything will be saved."
    ),
    SaveSaving => ("Guardando…", "Saving…"),
    SaveSaved => ("Guardado", "Saved"),
    SaveRetrying => (
        "Sin conexión: su respuesta se conserva y se reintentará sola (intento {attempt}). No cierre la página.",
        "No connection: your answer is kept and will be retried by itself (attempt {attempt}). Do not close the page."
    ),
    SaveBanner => (
        "Sin conexión: {count} respuesta(s) esperan y se enviarán solas en cuanto vuelva. No cierre la página.",
        "No connection: {count} answer(s) are waiting and will be sent by themselves when it is back. Do not close the page."
    ),
    AssessmentNotYetOpen => (
        "La autoevaluación todavía no empezó: el facilitador la abrirá. Puede leer los indicadores mientras tanto.",
        "The assessment has not started yet: the facilitator will open it. You can read the indicators meanwhile."
    ),
    ResumeCopyHint => ("Toque el enlace para seleccionarlo y copiarlo.", "Tap the link to select it, then copy it."),
    ReviewTitle => ("Revisión", "Review"),
    ReviewUnanswered => ("Indicadores sin responder", "Indicators not answered yet"),
    ReviewAllDone => (
        "Respondió todos los indicadores. Puede cambiar sus respuestas mientras la fase esté abierta.",
        "You have answered every indicator. You can change your answers while the phase is open."
    ),
    ReviewSeeTeam => ("Ver el consenso de mi equipo", "See my team's consensus"),
    TeamTitle => ("Mi equipo", "My team"),
    TeamRespondents => (
        "{respondents} de {members} integrantes respondieron. Nadie ve respuestas individuales: solo los totales del equipo.",
        "{respondents} of {members} members answered. Nobody sees individual answers: only the team's totals."
    ),
    TeamRule => (
        "Consenso = mediana de los niveles dados (sin «No aplica» ni «No sé»), salvo que un líder lo fije. Se marca desacuerdo cuando el rango intercuartílico es {iqr} o más, o cuando entre el nivel más bajo y el más alto hay {range} niveles o más.",
        "Consensus = median of the levels given (without “Not applicable” or “Don't know”), unless a lead settles it. Disagreement is flagged when the interquartile range is {iqr} or more, or the lowest and highest levels are {range} or more apart."
    ),
    TeamRadarTitle => ("Promedio del equipo por pilar", "Team average by pillar"),
    TeamAveragesCaption => ("Promedio del equipo por pilar (datos del gráfico)", "Team average by pillar (chart data)"),
    TeamPillar => ("Pilar", "Pillar"),
    TeamAverage => ("Promedio", "Average"),
    TeamStrengths => ("Fortalezas del equipo", "The team's strengths"),
    TeamWeaknesses => ("Debilidades del equipo", "The team's weaknesses"),
    TeamNoStrengths => ("Nadie marcó fortalezas todavía.", "Nobody has marked a strength yet."),
    TeamNoWeaknesses => ("Nadie marcó debilidades todavía.", "Nobody has marked a weakness yet."),
    TeamTableLabel => ("Consenso por indicador", "Consensus by indicator"),
    TeamIndicator => ("Indicador", "Indicator"),
    TeamConsensus => ("Consenso", "Consensus"),
    TeamMedian => ("Mediana", "Median"),
    TeamCount => ("Respuestas", "Answers"),
    TeamRange => ("Mín–máx", "Min–max"),
    TeamIqr => ("RIC", "IQR"),
    TeamIqrLong => ("Rango intercuartílico", "Interquartile range"),
    TeamFlag => ("Desacuerdo", "Disagreement"),
    TeamDisagreement => ("Revisar: hay desacuerdo", "Discuss: members disagree"),
    TeamOthers => ("(+{na} no aplica, {dk} no sé)", "(+{na} n/a, {dk} don't know)"),
    TeamSettledBy => ("fijado por {by}", "settled by {by}"),
    SettleSummary => ("Fijar el nivel del equipo en {code}", "Settle the team's level on {code}"),
    SettleLevel => ("Nivel del equipo", "Team level"),
    SettleRationale => ("Motivo (breve, hasta 500 caracteres)", "Why (short, up to 500 characters)"),
    SettleSubmit => ("Fijar nivel", "Settle level"),
    ErrJoinCodeUnknown => (
        "No hay ningún taller con ese código. Revíselo con el facilitador.",
        "No workshop has that code. Check it with the facilitator."
    ),
    ErrTooManyAttempts => (
        "Demasiados intentos equivocados (códigos o contraseñas). Espere 15 minutos y vuelva a intentarlo.",
        "Too many wrong attempts (codes or passwords). Wait 15 minutes and try again."
    ),
    ErrCrossSite => (
        "Solicitud rechazada: llegó desde otro sitio web. Vuelva a Rumbo y repita la acción desde allí.",
        "Request refused: it came from another website. Go back to Rumbo and repeat the action there."
    ),
    ErrRequestTimeout => (
        "La solicitud tardó demasiado y se canceló. Inténtelo de nuevo.",
        "The request took too long and was cancelled. Please try again."
    ),
    ErrWorkshopClosed => ("Este taller ya está cerrado.", "This workshop is closed."),
    ErrNameEmpty => ("Escriba su nombre.", "Type your name."),
    ErrNameTooLong => (
        "El nombre puede tener hasta 80 caracteres, sin caracteres de control.",
        "The name may have up to 80 characters, without control characters."
    ),
    ErrTeamUnknown => ("Elija uno de los equipos de este taller.", "Choose one of this workshop's teams."),
    ErrResumeInvalid => (
        "Ese enlace personal no es válido o caducó. Únase de nuevo con el código del taller.",
        "That personal link is not valid or has expired. Join again with the workshop code."
    ),
    ErrResponseMissing => (
        "Elija un nivel, «No aplica» o «No sé».",
        "Choose a level, “Not applicable” or “Don't know”."
    ),
    ErrEvidenceUrl => (
        "La evidencia debe ser un enlace que empiece por http:// o https://.",
        "The evidence must be a link starting with http:// or https://."
    ),
    ErrNoteTooLong => ("La nota puede tener hasta 2000 caracteres.", "The note may have up to 2000 characters."),
    ErrMarkUnknown => (
        "Marque fortaleza, debilidad o ninguna de las dos.",
        "Mark a strength, a weakness or neither."
    ),
    ErrIndicatorNotInWorkshop => (
        "Ese indicador no es parte del marco de este taller.",
        "That indicator is not part of this workshop's framework."
    ),
    ErrAssessmentClosed => (
        "La fase de autoevaluación no está abierta: sus respuestas guardadas no cambiaron.",
        "The assessment phase is not open: your saved answers did not change."
    ),
    ErrConsensusClosed => (
        "Ya no se puede fijar el consenso del equipo en esta fase.",
        "The team's consensus can no longer be settled in this phase."
    ),
    ErrEditConflict => (
        "Otro líder cambió este nivel mientras usted editaba: ahora es {level} («{rationale}», por {by}). Revíselo; si guarda de nuevo, reemplazará ese valor.",
        "Another lead changed this level while you were editing: it is now {level} (“{rationale}”, by {by}). Check it; saving again will replace that value."
    ),
    ErrStaleForm => (
        "El formulario está desactualizado. Recargue la página e inténtelo de nuevo.",
        "The form is out of date. Reload the page and try again."
    ),
    ErrRationaleMissing => ("Explique brevemente el motivo.", "Briefly explain why."),
    ErrRationaleTooLong => ("El motivo puede tener hasta 500 caracteres.", "The reason may have up to 500 characters."),
    // Facilitator accounts.
    ErrEmailInvalid => ("Escriba una dirección de correo válida, p. ej. ana@prefectura.gob.ec.", "Enter a valid e-mail address, e.g. ana@prefecture.gob.ec."),
    ErrEmailTaken => ("Ya existe una cuenta con ese correo.", "An account with that e-mail already exists."),
    ErrPasswordTooShort => ("La contraseña debe tener al menos 10 caracteres.", "The password must have at least 10 characters."),
    ErrPasswordTooLong => ("La contraseña puede tener hasta 1024 caracteres.", "The password may have up to 1024 characters."),
    ErrLoginFailed => ("El correo o la contraseña no son correctos.", "The e-mail or the password is not right."),
    // Facilitator pages: navigation.
    StaffNavLabel => ("Páginas del taller", "Workshop pages"),
    StaffMyWorkshops => ("Mis talleres", "My workshops"),
    StaffTabSetup => ("Preparación", "Set-up"),
    StaffTabFramework => ("Marco", "Framework"),
    StaffTabDashboard => ("Panel en vivo", "Live dashboard"),
    StaffTabFacilitators => ("Facilitadores", "Facilitators"),
    // Accounts (sign in, password, co-facilitators): keys go below this line.
    NavStaff => ("Facilitación", "Facilitation"),
    NavStaffAccount => ("Cuenta", "Account"),
    NavStaffLogin => ("Acceso facilitadores", "Facilitator sign-in"),
    LoginTitle => ("Acceso para facilitadores", "Facilitator sign-in"),
    LoginIntro => (
        "Entre con el correo y la contraseña de su cuenta de facilitador. Los participantes no necesitan cuenta: se unen con el código del taller.",
        "Sign in with your facilitator account's e-mail and password. Participants need no account: they join with the workshop code."
    ),
    LoginEmail => ("Correo electrónico", "E-mail address"),
    LoginPassword => ("Contraseña", "Password"),
    LoginSubmit => ("Iniciar sesión", "Sign in"),
    LoginTooManyAttempts => (
        "Demasiados intentos fallidos. Por seguridad, espere 15 minutos y vuelva a intentarlo.",
        "Too many failed attempts. For safety, wait 15 minutes and try again."
    ),
    LoginNoAccount => (
        "¿No tiene cuenta? La crea quien administra este servidor de Rumbo.",
        "No account? Whoever runs this Rumbo server creates it."
    ),
    LoginAlready => ("Ya inició sesión como", "You are already signed in as"),
    LoginRequiredTitle => ("Inicie sesión", "Please sign in"),
    LoginRequiredText => (
        "Esta página es para facilitadores. Inicie sesión con su cuenta y volverá aquí.",
        "This page is for facilitators. Sign in with your account and you will come back here."
    ),
    StaffNotYourWorkshop => (
        "Usted no facilita este taller. Si debería, pida a la persona propietaria del taller que le invite.",
        "You do not facilitate this workshop. If you should, ask the workshop's owner to invite you."
    ),
    AccountTitle => ("Su cuenta", "Your account"),
    AccountSignedInAs => ("Sesión iniciada como", "Signed in as"),
    AccountChangePassword => ("Cambiar la contraseña", "Change the password"),
    AccountCurrentPassword => ("Contraseña actual", "Current password"),
    AccountNewPassword => ("Nueva contraseña", "New password"),
    AccountNewPasswordHint => (
        "Al menos {min} caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar.",
        "At least {min} characters. A phrase of several words is easy to remember and hard to guess."
    ),
    AccountRepeatPassword => ("Repita la nueva contraseña", "Repeat the new password"),
    AccountPasswordSubmit => ("Cambiar la contraseña", "Change the password"),
    AccountPasswordChanged => (
        "Su contraseña cambió. Las sesiones abiertas en otros dispositivos se cerraron.",
        "Your password has changed. Sessions open on other devices were closed."
    ),
    AccountLogOut => ("Cerrar sesión", "Sign out"),
    ErrCurrentPasswordWrong => ("La contraseña actual no es correcta.", "The current password is not right."),
    ErrPasswordsDiffer => (
        "Las dos contraseñas nuevas no coinciden. Escríbala igual las dos veces.",
        "The two new passwords differ. Type it the same way both times."
    ),
    FacilitatorsIntro => (
        "Quienes facilitan este taller. Todos pueden prepararlo y ver el panel; solo la persona propietaria invita o quita co-facilitadores.",
        "Who facilitates this workshop. All of them may prepare it and see the dashboard; only the owner invites or removes co-facilitators."
    ),
    FacilitatorsName => ("Nombre", "Name"),
    FacilitatorsEmail => ("Correo", "E-mail"),
    FacilitatorsRole => ("Papel", "Role"),
    FacilitatorsActions => ("Acciones", "Actions"),
    FacilitatorsYou => ("(usted)", "(you)"),
    FacilitatorsRemove => ("Quitar", "Remove"),
    FacilitatorsOwnerOnly => (
        "Solo la persona propietaria del taller puede invitar o quitar co-facilitadores.",
        "Only the workshop's owner can invite or remove co-facilitators."
    ),
    FacilitatorsInviteTitle => ("Invitar a un co-facilitador", "Invite a co-facilitator"),
    FacilitatorsInviteHint => (
        "Escriba el correo de alguien que ya tiene cuenta de facilitador en este servidor de Rumbo.",
        "Type the e-mail of someone who already has a facilitator account on this Rumbo server."
    ),
    FacilitatorsInviteSubmit => ("Invitar", "Invite"),
    RoleOwner => ("Propietario", "Owner"),
    RoleCoFacilitator => ("Co-facilitador", "Co-facilitator"),
    ErrNoFacilitatorAccount => (
        "No hay ninguna cuenta de facilitador con ese correo. La persona necesita una cuenta antes de ser invitada.",
        "No facilitator account has that e-mail; they must have an account first."
    ),
    ErrAlreadyFacilitator => (
        "Esa persona ya facilita este taller.",
        "That person already facilitates this workshop."
    ),
    ErrCannotRemoveOwner => (
        "No se puede quitar a la persona propietaria del taller.",
        "The workshop's owner cannot be removed."
    ),

    // Workshop set-up: keys go below this line.
    PhaseSetup => ("Preparación", "Set-up"),
    PhaseAssessment => ("Autoevaluación", "Assessment"),
    PhaseReview => ("Revisión", "Review"),
    PhasePrioritisation => ("Priorización", "Prioritisation"),
    PhaseRoadmap => ("Hoja de ruta", "Roadmap"),
    PhaseClosed => ("Cerrado", "Closed"),
    PhaseSetupHelp => ("prepare el taller; los participantes pueden unirse, pero aún no responder.", "prepare the workshop; participants may join but not answer yet."),
    PhaseAssessmentHelp => ("los participantes valoran cada indicador; sus respuestas se guardan al momento.", "participants score each indicator; their answers save as they go."),
    PhaseReviewHelp => ("las respuestas quedan fijas; los equipos revisan el consenso y los líderes pueden ajustarlo.", "answers are fixed; teams review their consensus and leads may settle it."),
    PhasePrioritisationHelp => ("se proponen, valoran y votan acciones.", "actions are proposed, rated and voted on."),
    PhaseRoadmapHelp => ("se construye la hoja de ruta de cada equipo.", "each team's roadmap is built."),
    PhaseClosedHelp => ("el taller es de solo lectura.", "the workshop is read-only."),
    LanguagesEs => ("Solo español", "Spanish only"),
    LanguagesEn => ("Solo inglés", "English only"),
    LanguagesBoth => ("Español e inglés", "Spanish and English"),
    ShareChoiceNone => ("Cada equipo ve solo sus propios resultados", "Each team sees only its own results"),
    ShareChoiceAverages => ("Los equipos ven también el promedio del taller", "Teams also see the workshop average"),
    ShareChoiceTeams => ("Los equipos ven también los resultados de los demás equipos", "Teams also see the other teams' results"),
    ErrTitleMissing => ("Escriba un título.", "Enter a title."),
    ErrTitleTooLong => ("El título puede tener hasta 200 caracteres.", "The title may have up to 200 characters."),
    ErrDescriptionTooLong => ("La descripción puede tener hasta 2000 caracteres.", "The description may have up to 2,000 characters."),
    ErrDateFormat => ("Escriba una fecha válida (aaaa-mm-dd).", "Enter a valid date (yyyy-mm-dd)."),
    ErrDatesOrder => ("La fecha de fin no puede ser anterior a la de inicio.", "The end date cannot be before the start date."),
    ErrChoice => ("Elija una de las opciones de la lista.", "Choose one of the options in the list."),
    ErrThresholdRange => ("Escriba un número entero entre 1 y 100.", "Enter a whole number between 1 and 100."),
    ErrTeamNameMissing => ("Escriba el nombre del equipo.", "Enter the team's name."),
    ErrTeamNameTooLong => ("Cada nombre de equipo puede tener hasta 120 caracteres.", "Each team name may have up to 120 characters."),
    ErrTeamNamesEmpty => ("Pegue al menos un nombre, uno por línea.", "Paste at least one name, one per line."),
    ErrTeamNameTaken => ("El taller ya tiene un equipo con ese nombre.", "The workshop already has a team with that name."),
    ErrTooManyTeams => ("Un taller puede tener hasta 200 equipos.", "A workshop may have up to 200 teams."),
    ErrTeamNotEmpty => ("Este equipo ya tiene participantes, así que no se puede eliminar. Puede cambiarle el nombre.", "This team already has participants, so it cannot be removed. You may rename it."),
    ErrPhaseChanged => ("Otra persona cambió la fase mientras tanto. La página muestra ahora la fase actual.", "Someone else changed the phase meanwhile. The page now shows the current phase."),
    ErrPhaseOrder => ("Las fases se abren en orden: solo puede pasar a la siguiente o volver a la anterior.", "Phases open in order: you can only go to the next one or back to the previous one."),
    ErrNoTeams => ("Añada al menos un equipo antes de abrir la autoevaluación.", "Add at least one team before opening the assessment."),
    SetupNoWorkshops => ("Todavía no tiene talleres. Cree el primero con el formulario de abajo.", "You have no workshops yet. Create the first one with the form below."),
    SetupCounts => ("{teams} equipos · {participants} participantes", "{teams} teams · {participants} participants"),
    SetupCreateTitle => ("Nuevo taller", "New workshop"),
    SetupCreateHint => ("El taller empieza en preparación, con una copia del marco de gobierno abierto y un código para unirse. Todo se puede cambiar después.", "The workshop starts in set-up, with a copy of the open-government framework and a join code. Everything can be changed later."),
    SetupCreateSubmit => ("Crear taller", "Create workshop"),
    SetupTitleLabel => ("Título", "Title"),
    SetupDescriptionLabel => ("Descripción para los participantes (opcional)", "Description for participants (optional)"),
    SetupStartsLabel => ("Primer día", "First day"),
    SetupEndsLabel => ("Último día", "Last day"),
    SetupLanguagesLabel => ("Idiomas del taller", "Workshop languages"),
    SetupThresholdLabel => ("Umbral de anonimato", "Anonymity threshold"),
    SetupThresholdHint => ("Los resultados de un equipo se muestran a los demás solo cuando han respondido al menos este número de personas.", "A team's results are shown to others only once at least this many people have answered."),
    SetupShareLabel => ("Qué ven los participantes de los demás", "What participants see of others"),
    SetupPhaseTitle => ("Fase del taller", "Workshop phase"),
    SetupPhaseOpen => ("Abrir: {phase}", "Open: {phase}"),
    SetupPhaseBack => ("Volver a: {phase}", "Back to: {phase}"),
    SetupJoinTitle => ("Código para unirse", "Join code"),
    SetupJoinCodeLabel => ("Código", "Code"),
    SetupQrLabel => ("Código QR del enlace para unirse", "QR code of the join link"),
    SetupJoinScreen => ("Mostrar en pantalla grande", "Show on a big screen"),
    SetupJoinScreenLead => ("Únase al taller", "Join the workshop"),
    SetupJoinScreenBack => ("Volver a la preparación", "Back to set-up"),
    SetupRegenerateHint => ("Un código nuevo deja sin efecto el anterior. Quienes ya se unieron siguen dentro.", "A new code stops the old one from working. People who already joined stay in."),
    SetupRegenerate => ("Generar un código nuevo", "Make a new code"),
    SetupTeamsTitle => ("Equipos", "Teams"),
    SetupTeamCount => ("{n} equipos", "{n} teams"),
    SetupTeamsPasteLabel => ("Añadir equipos: un nombre por línea", "Add teams: one name per line"),
    SetupTeamsPasteHint => ("Puede pegar una columna de una hoja de cálculo.", "You can paste a column from a spreadsheet."),
    SetupTeamsAdd => ("Añadir equipos", "Add teams"),
    SetupTeamsPreset => ("Añadir los 23 gobiernos provinciales del Ecuador y Galápagos", "Add Ecuador's 23 provincial governments and Galápagos"),
    SetupTeamsAdded => ("Se añadieron {n} equipos.", "{n} teams added."),
    SetupTeamsSkipped => ("Ya estaban: {names}.", "Already there: {names}."),
    SetupTeamNameLabel => ("Nombre del equipo", "Team name"),
    SetupTeamMembers => ("{n} participantes", "{n} participants"),
    SetupTeamRename => ("Guardar nombre", "Save name"),
    SetupTeamRemove => ("Eliminar", "Remove"),
    SetupTeamKept => ("(con participantes: no se puede eliminar)", "(has participants: cannot be removed)"),
    SetupPeopleTitle => ("Participantes", "Participants"),
    SetupPeopleNone => ("Nadie se ha unido todavía. Comparta el código.", "Nobody has joined yet. Share the code."),
    SetupPeopleHint => ("El líder de cada equipo puede fijar el consenso del equipo donde sus miembros no coinciden.", "Each team's lead may settle the team's consensus where its members disagree."),
    SetupPeopleName => ("Nombre", "Name"),
    SetupPeopleTeam => ("Equipo", "Team"),
    SetupPeopleAnswers => ("Respuestas", "Answers"),
    SetupPeopleLead => ("Líder", "Lead"),
    SetupLeadChip => ("líder", "lead"),
    SetupLeadMake => ("Nombrar líder", "Make lead"),
    SetupLeadRemove => ("Quitar líder", "Remove lead"),
    SetupSettingsTitle => ("Datos del taller", "Workshop details"),
    SetupSave => ("Guardar", "Save"),
    SetupSaved => ("Guardado.", "Saved."),

    // Framework editor: keys go below this line.
    FwInvalid => ("El marco no se importó y no cambió nada. Corrija esto y vuelva a intentarlo:", "The framework was not imported and nothing changed. Fix this and try again:"),
    FwNotJson => ("no es un texto JSON válido; revise la línea {line}, columna {column}.", "this is not valid JSON; check line {line}, column {column}."),
    FwMissingField => ("falta el campo «{detail}».", "the field “{detail}” is missing."),
    FwWrongShape => ("un valor no tiene la forma esperada ({detail}).", "a value does not have the expected shape ({detail})."),
    FwSchema => ("la versión de formato {detail} no se puede leer; esta versión de Rumbo lee la 1.", "format version {detail} cannot be read; this version of Rumbo reads version 1."),
    FwMissingTranslation => ("falta el texto en español o en inglés.", "the Spanish or the English text is missing."),
    FwCodeMissing => ("falta el código.", "the code is missing."),
    FwCodeDuplicate => ("el código «{detail}» ya se usa en otro lugar del marco.", "the code “{detail}” is already used elsewhere in the framework."),
    FwEmptyList => ("la lista no puede estar vacía.", "the list must not be empty."),
    FwLevels => ("los niveles deben ser 1, 2, 3, 4 y 5, en ese orden.", "the levels must be 1, 2, 3, 4 and 5, in that order."),
    FwCodeFormat => ("el código debe tener de 1 a 16 caracteres, sin espacios.", "the code must have 1 to 16 characters, without spaces."),
    FwTooLong => ("el texto es demasiado largo (como máximo {detail} caracteres).", "the text is too long (at most {detail} characters)."),
    FwSource => ("cada fuente va en una línea propia, con hasta 500 caracteres; como máximo 30 fuentes.", "each source goes on a line of its own, with up to 500 characters; at most 30 sources."),
    FwTooMany => ("la lista es demasiado larga (como máximo {detail}).", "the list is too long (at most {detail})."),
    FwTooLarge => ("El archivo es demasiado grande para ser un marco (más de 1 MB).", "The file is too large to be a framework (over 1 MB)."),
    FwFull => ("Se alcanzó el máximo: 20 pilares por marco y 40 indicadores por pilar.", "The maximum is reached: 20 pillars per framework and 40 indicators per pillar."),
    FwPlaceDocument => ("El archivo", "The file"),
    FwPlacePillar => ("pilar {n}", "pillar {n}"),
    FwPlaceIndicator => ("indicador {n}", "indicator {n}"),
    FwPlaceLevel => ("nivel {n}", "level {n}"),
    FwPlaceAction => ("acción sugerida {n}", "suggested action {n}"),
    FwPlaceSource => ("fuente {n}", "source {n}"),
    FwPlaceField => ("campo «{name}»", "field “{name}”"),
    FwInUseImport => ("La importación quitaría indicadores que ya tienen respuestas o un consenso de equipo: {codes} ({count} respuestas). Manténgalos en el archivo con el mismo código; puede cambiar su redacción. No se cambió nada.", "The import would remove indicators that already have answers or a team consensus: {codes} ({count} answers). Keep them in the file with the same code; you may change their wording. Nothing was changed."),
    FwInUseIndicator => ("{count} respuestas usan este indicador ({codes}); solo puede cambiar su redacción.", "{count} answers use this indicator ({codes}); you can only change its wording."),
    FwInUsePillar => ("Los indicadores {codes} de este pilar tienen {count} respuestas o un consenso de equipo; el pilar no se puede quitar, solo puede cambiar su redacción.", "Indicators {codes} of this pillar have {count} answers or a team consensus; the pillar cannot be removed, you can only change its wording."),
    FwCodeLocked => ("Este indicador ya tiene respuestas: su código no puede cambiar, porque las exportaciones lo nombran. Puede cambiar su redacción.", "This indicator already has answers: its code cannot change, because exports name it. You can change its wording."),
    FwClosed => ("El taller está cerrado: su marco ya no se puede cambiar.", "The workshop is closed: its framework can no longer change."),
    FwCodeTaken => ("Ese código ya se usa en este marco.", "That code is already used in this framework."),
    FwCodeInvalid => ("El código debe tener de 1 a 16 caracteres, sin espacios (p. ej. T6).", "The code must have 1 to 16 characters, without spaces (e.g. T6)."),
    FwNameRequired => ("Escriba el nombre en español y en inglés.", "Write the name in Spanish and in English."),
    FwTextHalf => ("Escriba este texto en los dos idiomas, o déjelo vacío en ambos.", "Write this text in both languages, or leave it empty in both."),
    FwFieldTooLong => ("El texto es demasiado largo.", "The text is too long."),
    FwLastPillar => ("El marco necesita al menos un pilar.", "The framework needs at least one pillar."),
    FwLastIndicator => ("Un pilar necesita al menos un indicador; para quitarlo todo, quite el pilar.", "A pillar needs at least one indicator; to remove everything, remove the pillar."),
    FwTitle => ("Marco de evaluación", "Assessment framework"),
    FwIntro => ("Adapte el marco de este taller: pilares, indicadores y lo que significa cada nivel, en español y en inglés.", "Adapt this workshop's framework: pillars, indicators and what each level means, in Spanish and in English."),
    FwRules => ("Mientras un indicador no tenga respuestas, puede cambiarlo todo. Cuando ya las tiene, solo puede cambiar su redacción: no se puede quitar ni cambiar su código. Un taller cerrado ya no se puede editar.", "As long as an indicator has no answers, you can change anything. Once it has answers, you can only change its wording: it cannot be removed and its code cannot change. A closed workshop can no longer be edited."),
    FwExportTitle => ("Exportar e importar", "Export and import"),
    FwExportLink => ("Descargar el marco (JSON)", "Download the framework (JSON)"),
    FwImportLabel => ("Pegue aquí el contenido de un archivo de marco (JSON)", "Paste the content of a framework file (JSON) here"),
    FwImportFile => ("o elija un archivo de su equipo", "or choose a file from your computer"),
    FwImportHelp => ("Importar reemplaza el marco actual. Los indicadores que ya tienen respuestas deben seguir en el archivo con el mismo código.", "Importing replaces the current framework. Indicators that already have answers must stay in the file with the same code."),
    FwImportSubmit => ("Importar", "Import"),
    FwImported => ("Marco importado: {added} indicadores nuevos, {updated} actualizados, {removed} quitados.", "Framework imported: {added} new indicators, {updated} updated, {removed} removed."),
    FwCode => ("Código", "Code"),
    FwName => ("Nombre", "Name"),
    FwDescription => ("Descripción", "Description"),
    FwSources => ("Fuentes (una por línea)", "Sources (one per line)"),
    FwSpanish => ("Español", "Spanish"),
    FwEnglish => ("Inglés", "English"),
    FwLevelN => ("Nivel {n}", "Level {n}"),
    FwSave => ("Guardar", "Save"),
    FwSaved => ("Guardado.", "Saved."),
    FwMoveUp => ("Subir", "Move up"),
    FwMoveDown => ("Bajar", "Move down"),
    FwRemove => ("Quitar", "Remove"),
    FwMoveUpOf => ("Subir «{name}»", "Move up: “{name}”"),
    FwMoveDownOf => ("Bajar «{name}»", "Move down: “{name}”"),
    FwRemoveOf => ("Quitar «{name}»", "Remove “{name}”"),
    FwAnswers => ("{count} respuestas", "{count} answers"),
    FwNoAnswers => ("sin respuestas", "no answers"),
    FwIncomplete => ("faltan textos", "texts missing"),
    FwAddIndicator => ("Añadir un indicador a este pilar", "Add an indicator to this pillar"),
    FwAddPillar => ("Añadir un pilar", "Add a pillar"),
    FwAddPillarHelp => ("Un pilar empieza con su primer indicador; luego complete las descripciones.", "A pillar starts with its first indicator; then complete the descriptions."),
    FwPillar => ("Pilar", "Pillar"),
    FwFirstIndicator => ("Primer indicador", "First indicator"),
    FwAdd => ("Añadir", "Add"),
    FwDone => ("Hecho.", "Done."),
    FwPillarWording => ("Nombre y descripción del pilar", "Pillar name and description"),
    FwIndicators => ("Indicadores", "Indicators"),
    FwStructure => ("Orden y estructura", "Order and structure"),

    // Dashboard and what participants see of others: keys go below this line.
    DashIntro => ("El panel se actualiza solo mientras llegan respuestas. El nivel de un equipo en un indicador es el que acordó su líder o, si no, la mediana de las respuestas de sus miembros. El promedio del taller es el promedio de los equipos, cada equipo cuenta igual.", "The dashboard updates by itself as answers arrive. A team's level on an indicator is the one its lead settled or, otherwise, the median of its members' answers. The workshop average is the average of the teams, each team counting the same."),
    DashLive => ("En vivo", "Live"),
    DashReconnecting => ("Reconectando…", "Reconnecting…"),
    DashShowTable => ("Ver datos como tabla", "View data as a table"),
    DashPresent => ("Presentar en pantalla completa", "Present full screen"),
    DashExit => ("Salir de la presentación", "Leave the presentation"),
    DashNext => ("Siguiente", "Next"),
    DashPrevious => ("Anterior", "Previous"),
    DashKeysHint => ("Use las flechas ← → del teclado para cambiar de gráfico.", "Use the ← → arrow keys to change chart."),
    DashNoData => ("Todavía no hay respuestas.", "No answers yet."),
    DashRadarTitle => ("Promedio por pilar: equipos y taller", "Pillar averages: teams and workshop"),
    DashHeatmapTitle => ("Nivel de cada equipo por indicador", "Each team's level per indicator"),
    DashDistributionTitle => ("Respuestas por indicador", "Answers per indicator"),
    DashCompletionTitle => ("Avance por equipo (%)", "Progress per team (%)"),
    DashParticipationTitle => ("Participación por equipo", "Participation per team"),
    DashWorkshopAverage => ("Promedio del taller", "Workshop average"),
    DashLevel => ("Nivel", "Level"),
    DashNotApplicable => ("No aplica", "Not applicable"),
    DashDontKnow => ("No sé", "Don't know"),
    DashTeam => ("Equipo", "Team"),
    DashMembers => ("Se unieron", "Joined"),
    DashRespondents => ("Respondieron", "Answered"),
    DashFinished => ("Terminaron", "Finished"),
    DashCompletion => ("Avance (%)", "Progress (%)"),
    DashIndicator => ("Indicador", "Indicator"),
    DashTotal => ("Total", "Total"),
    DashDisagreementsTitle => ("Desacuerdos por conversar", "Disagreements to talk about"),
    DashNoDisagreements => ("Ningún equipo tiene respuestas muy distintas entre sus miembros.", "No team has widely differing answers among its members."),
    DashSettled => ("ya acordado por el equipo", "already settled by the team"),
    DashStrengthsTitle => ("Fortalezas del taller", "The workshop's strengths"),
    DashWeaknessesTitle => ("Debilidades del taller", "The workshop's weaknesses"),
    DashRankRule => ("Ordenadas por el número de equipos en que alguien las marcó, luego por el número de marcas y luego por el nivel promedio.", "Ordered by the number of teams in which someone marked them, then by the number of marks, then by the average level."),
    DashNoMarks => ("Aún nadie las ha marcado.", "Nobody has marked any yet."),
    DashTeamsMarking => ("Equipos", "Teams"),
    DashMarks => ("Marcas", "Marks"),
    DashAverage => ("Nivel promedio", "Average level"),
    ShareTitle => ("Comparación con otros equipos", "Comparison with other teams"),
    ShareRadarTitle => ("Su equipo y el taller", "Your team and the workshop"),
    ShareNone => ("En este taller no se muestran los resultados de otros equipos.", "In this workshop the other teams' results are not shown."),
    ShareThresholdNote => ("Solo se muestran equipos con al menos {n} personas que respondieron; el promedio del taller se calcula con esos equipos.", "Only teams with at least {n} people who answered are shown; the workshop average is computed from those teams."),
    ShareHidden => ("Equipos que aún no tienen suficientes respuestas:", "Teams that do not have enough answers yet:"),
    ShareTableCaption => ("Promedio por pilar de su equipo, del taller y de otros equipos", "Pillar averages of your team, the workshop and other teams"),

    FooterText => (
        "Rumbo — software libre para talleres de gobierno abierto.",
        "Rumbo — free software for open-government workshops."
    ),

    // Prioritisation (actions, dot votes, weights, matrix): keys go below this line.
    ActQuickWins => ("Victorias rápidas", "Quick wins"),
    ActBigBets => ("Grandes apuestas", "Big bets"),
    ActFillIns => ("Rellenos", "Fill-ins"),
    ActTimeSinks => ("Pozos de tiempo", "Time sinks"),
    ActQuadrants => ("Cuadrantes", "Quadrants"),
    ActMatrixTitle => ("Matriz impacto / esfuerzo", "Impact / effort matrix"),
    ActMatrixTable => ("Ver la matriz como tabla", "Show the matrix as a table"),
    ActMatrixLabel => (
        "Matriz de {count} acciones: esfuerzo en el eje horizontal, impacto en el vertical, tamaño según los puntos. Los datos están en la tabla.",
        "Matrix of {count} actions: effort across, impact up, size by dots. The data is in the table."
    ),
    ActMatrixHelp => (
        "Arriba a la izquierda, las victorias rápidas: mucho impacto con poco esfuerzo. Las burbujas más grandes tienen más puntos.",
        "Top left are the quick wins: high impact for little effort. Bigger bubbles have more dots."
    ),
    ActEffort => ("Esfuerzo", "Effort"),
    ActImpact => ("Impacto", "Impact"),
    ActDotsWord => ("puntos", "dots"),
    ActDots => ("Puntos", "Dots"),
    ActQuadrant => ("Cuadrante", "Quadrant"),
    ActTitle => ("Título", "Title"),
    ActDescription => ("Descripción", "Description"),
    ActUnit => ("Unidad responsable", "Responsible unit"),
    ActIndicators => ("Indicadores que mejora", "Indicators it improves"),
    ActIndicatorsHelp => ("Las debilidades del equipo aparecen primero.", "Your team's weaknesses come first."),
    ActCost => ("Costo", "Cost"),
    ActLow => ("bajo", "low"),
    ActHigh => ("alto", "high"),
    ActDependsOn => ("Depende de", "Depends on"),
    ActCritRelevance => ("Relevancia", "Relevance"),
    ActCritAmbition => ("Ambición", "Ambition"),
    ActCritFeasibility => ("Factibilidad", "Feasibility"),
    ActCritResources => ("Recursos", "Resources"),
    ActCritGap => ("Brecha", "Gap"),
    ActCritRelevanceHelp => (
        "puntos de la acción ÷ puntos de la acción más votada del equipo",
        "the action's dots ÷ the dots of the team's most voted action"
    ),
    ActCritAmbitionHelp => ("(impacto − 1) ÷ 4", "(impact − 1) ÷ 4"),
    ActCritFeasibilityHelp => ("(5 − esfuerzo) ÷ 4", "(5 − effort) ÷ 4"),
    ActCritResourcesHelp => ("costo bajo 1, medio 0,5, alto 0", "low cost 1, medium 0.5, high 0"),
    ActCritGapHelp => (
        "media de (meta − nivel actual) ÷ 4 en los indicadores vinculados",
        "mean of (target − current level) ÷ 4 over the linked indicators"
    ),
    ActFormula => (
        "Puntaje = 100 × la suma de (peso × valor) de cada criterio ÷ la suma de los pesos; cada valor va de 0 a 1, y la brecha solo cuenta si la acción tiene indicadores con nivel conocido.",
        "Score = 100 × the sum of (weight × value) over the criteria ÷ the sum of the weights; each value goes from 0 to 1, and the gap counts only when the action has indicators with a known level."
    ),
    ActWhyTitle => ("¿Por qué está aquí?", "Why is it ranked here?"),
    ActCriterion => ("Criterio", "Criterion"),
    ActValue => ("Valor (0–1)", "Value (0–1)"),
    ActWeight => ("Peso", "Weight"),
    ActPoints => ("Puntos del puntaje", "Points"),
    ActTotal => ("Puntaje", "Score"),
    ActScore => ("Puntaje", "Score"),
    ActScoreLine => ("Puntaje: {score} de 100", "Score: {score} of 100"),
    ActNoActions => ("Todavía no hay acciones.", "No actions yet."),
    ActPageTitle => ("Acciones", "Actions"),
    ActReadOnly => (
        "Las acciones se proponen, editan y votan solo durante la fase de priorización; ahora puede leerlas.",
        "Actions are proposed, edited and voted on only during the prioritisation phase; for now you can read them."
    ),
    ActRemainingDots => ("Puntos restantes: {n} de {m}", "Remaining dots: {n} of {m}"),
    ActStackingOn => ("puede poner varios en una acción", "you may put several on one action"),
    ActStackingOff => ("como máximo uno por acción", "at most one per action"),
    ActWeaknessesTitle => ("Debilidades del equipo", "Your team's weaknesses"),
    ActNoWeaknesses => (
        "Nadie marcó debilidades y ningún indicador está por debajo de 3. Puede proponer acciones para cualquier indicador.",
        "Nobody marked weaknesses and no indicator is below 3. You can propose actions for any indicator."
    ),
    ActUseSuggestion => ("Partir de esta", "Start from this"),
    ActUseSuggestionLabel => ("Usar «{title}» como punto de partida", "Use “{title}” as a starting point"),
    ActRankedTitle => ("Acciones por prioridad", "Actions by priority"),
    ActRankedHelp => (
        "Orden: etiqueta MoSCoW del líder (imprescindible, importante, deseable, sin etiqueta, esta vez no), luego el puntaje.",
        "Order: the lead's MoSCoW tag (must, should, could, untagged, won't), then the score."
    ),
    ActProposeTitle => ("Proponer una acción", "Propose an action"),
    ActProposeSubmit => ("Proponer", "Propose"),
    ActDotsTotal => ("{n} puntos en total", "{n} dots in all"),
    ActMyDots => ("suyos: {n}", "yours: {n}"),
    ActVoteLabel => ("Poner un punto en «{title}»", "Add a dot to “{title}”"),
    ActUnvoteLabel => ("Quitar un punto de «{title}»", "Take a dot back from “{title}”"),
    ActMoscowLabel => ("MoSCoW", "MoSCoW"),
    ActMoscowNone => ("Sin etiqueta", "Untagged"),
    ActMoscowSubmit => ("Guardar etiqueta", "Save tag"),
    ActEdit => ("Editar", "Edit"),
    ActEditSubmit => ("Guardar cambios", "Save changes"),
    ActDelete => ("Eliminar…", "Delete…"),
    ActDeleteConfirm => (
        "Se eliminarán la acción y sus puntos. No se puede deshacer.",
        "The action and its dots will be deleted. This cannot be undone."
    ),
    ActDeleteSubmit => ("Eliminar la acción", "Delete the action"),
    ActStaffTitle => ("Priorización", "Prioritisation"),
    ActSettingsTitle => ("Puntos y pesos", "Dots and weights"),
    ActDotsSetting => ("Puntos por participante (1–30)", "Dots per participant (1–30)"),
    ActStackSetting => ("Permitir varios puntos en una misma acción", "Allow several dots on one action"),
    ActSettingsSubmit => ("Guardar", "Save"),
    ActSettingsSaved => ("Guardado.", "Saved."),
    ActTeamPicker => ("Equipo", "Team"),
    ActMergeTitle => ("Fusionar duplicados…", "Merge duplicates…"),
    ActMergeHelp => (
        "Los puntos se suman (sin acumulación, un punto por persona; el sobrante vuelve a la persona), los indicadores se unen y las dependencias pasan a la acción que se conserva.",
        "Dots are added (without stacking, one per person; the extra dot goes back to them), indicators are united and dependencies move to the action kept."
    ),
    ActMergeDuplicate => ("Duplicado (se elimina)", "Duplicate (deleted)"),
    ActMergeKeep => ("Acción que se conserva", "Action to keep"),
    ActMergeConfirm => ("Entiendo que el duplicado se elimina.", "I understand the duplicate is deleted."),
    ActMergeSubmit => ("Fusionar", "Merge"),
    ActErrTitleMissing => ("Escriba un título.", "Write a title."),
    ActErrTitleTooLong => ("El título admite hasta 200 caracteres.", "The title takes up to 200 characters."),
    ActErrDescriptionTooLong => ("La descripción admite hasta 4000 caracteres.", "The description takes up to 4000 characters."),
    ActErrUnitMissing => ("Indique la unidad responsable.", "Name the responsible unit."),
    ActErrUnitTooLong => ("La unidad responsable admite hasta 120 caracteres.", "The responsible unit takes up to 120 characters."),
    ActErrCostBand => ("Elija un nivel de costo.", "Choose a cost band."),
    ActErrDotsRange => ("Cada participante tiene de 1 a 30 puntos.", "Each participant has from 1 to 30 dots."),
    ActErrUnknownIndicator => (
        "Elija indicadores del marco de este taller.",
        "Choose indicators of this workshop's framework."
    ),
    ActErrDependsOnItself => ("Una acción no puede depender de sí misma.", "An action cannot depend on itself."),
    ActErrDependencyOtherTeam => (
        "Solo puede depender de acciones de su propio equipo.",
        "An action can only depend on actions of its own team."
    ),
    ActErrTeam => ("Elija un equipo de este taller.", "Choose a team of this workshop."),
    ActErrNotPrioritisation => (
        "Las acciones se proponen y editan solo en la fase de priorización.",
        "Actions are proposed and edited only in the prioritisation phase."
    ),
    ActErrNotPrioritisationOrRoadmap => (
        "Las acciones se editan solo en las fases de priorización y hoja de ruta.",
        "Actions are edited only in the prioritisation and roadmap phases."
    ),
    ActErrStale => (
        "Alguien cambió esta acción mientras usted la editaba. Recargue para ver la versión actual.",
        "Someone changed this action while you were editing it. Reload to see the current version."
    ),
    ActErrVotingClosed => ("La votación está abierta solo en la fase de priorización.", "Voting is open only in the prioritisation phase."),
    ActErrNoDotsLeft => (
        "Ya usó todos sus puntos. Quite uno de otra acción para moverlo.",
        "You have used all your dots. Take one back from another action to move it."
    ),
    ActErrNoStacking => (
        "En este taller cada persona pone como máximo un punto por acción.",
        "In this workshop each person puts at most one dot on an action."
    ),
    ActErrNoDotToTake => ("No tiene puntos en esta acción.", "You have no dots on this action."),
    ActErrMoscow => ("Elija una etiqueta MoSCoW de la lista.", "Choose a MoSCoW tag from the list."),
    ActErrMoscowClosed => (
        "Las etiquetas MoSCoW se ponen en las fases de priorización y hoja de ruta.",
        "MoSCoW tags are set in the prioritisation and roadmap phases."
    ),
    ActErrMergeSame => ("Elija dos acciones distintas.", "Choose two different actions."),
    ActErrMergeOtherTeam => (
        "Solo se fusionan acciones del mismo equipo.",
        "Only actions of the same team can be merged."
    ),
    ActErrWorkshopClosed => ("El taller está cerrado.", "The workshop is closed."),
    TabActions => ("Acciones", "Actions"),
    StaffTabPrioritisation => ("Priorización", "Prioritisation"),
    ErrRatingRange => ("Elija un valor del 1 al 5.", "Choose a value from 1 to 5."),
    ErrWeightRange => ("Cada peso va de 0 a 5.", "Each weight goes from 0 to 5."),
    ErrWeightsAllZero => (
        "Al menos un criterio debe tener peso; si todos valen 0 no se puede ordenar nada.",
        "At least one criterion needs a weight; with every weight at 0 nothing can be ranked."
    ),
    CostLow => ("Bajo (presupuesto actual)", "Low (current budget)"),
    CostMedium => ("Medio (partida propia)", "Medium (own budget line)"),
    CostHigh => ("Alto (financiamiento nuevo)", "High (new funding)"),
    MoscowMust => ("Imprescindible (Must)", "Must have"),
    MoscowShould => ("Importante (Should)", "Should have"),
    MoscowCould => ("Deseable (Could)", "Could have"),
    MoscowWont => ("Esta vez no (Won't)", "Won't have this time"),
    ErrDependencyCycle => (
        "Esas dependencias formarían un círculo: {names}. Quite una de ellas.",
        "Those dependencies would form a circle: {names}. Remove one of them."
    ),

    // Roadmap: keys go below this line.
    RmTitle => ("Hoja de ruta", "Roadmap"),
    RmIntro => (
        "El plan de su equipo: cada acción priorizada con sus fechas, su responsable y sus hitos, en tres horizontes.",
        "Your team's plan: each prioritised action with its dates, its owner and its milestones, over three horizons."
    ),
    RmNotGenerated => (
        "La hoja de ruta aún no se ha generado. Al generarla, Rumbo ordena las acciones priorizadas del equipo (las marcadas «esta vez no» quedan fuera), pone primero las victorias rápidas, nunca empieza una acción antes de que terminen aquellas de las que depende, reparte la carga de cada unidad responsable y da a cada acción sus hitos.",
        "The roadmap has not been generated yet. Generating it places the team's prioritised actions (those tagged \"won't\" are left out), quick wins first, never starting an action before the ones it depends on have ended, spreading each responsible unit's load, and giving each action its milestones."
    ),
    RmWhoGenerates => (
        "La genera la persona líder del equipo en la fase de hoja de ruta, o quien facilita el taller.",
        "The team lead generates it in the roadmap phase, or the workshop's facilitator does."
    ),
    RmStartsOnLabel => ("Fecha de inicio de la hoja de ruta", "Roadmap start date"),
    RmStartsOnHelp => (
        "Vacía: el primer día del taller, o hoy.",
        "Empty: the workshop's first day, or today."
    ),
    RmGenerate => ("Generar la hoja de ruta", "Generate the roadmap"),
    RmRegenerate => ("Volver a generar", "Generate again"),
    RmResetPinned => (
        "Mover también las acciones editadas a mano",
        "Also move the items edited by hand"
    ),
    RmResetPinnedHelp => (
        "Las acciones cuyas fechas, responsable o hitos se editaron a mano quedan fijas (📌) y se conservan al volver a generar. Marque esta casilla solo si quiere descartar esas ediciones.",
        "Items whose dates, owner or milestones were edited by hand are pinned (📌) and kept when the roadmap is generated again. Tick this only to discard those edits."
    ),
    RmGenerated => ("Hoja de ruta generada: {count} acciones.", "Roadmap generated: {count} items."),
    RmStartsOn => ("Empieza el {date}.", "Starts on {date}."),
    RmGanttTitle => ("Cronograma por unidad responsable", "Timeline by responsible unit"),
    RmBoardTitle => ("Ahora, después, más adelante", "Now, next, later"),
    RmRadarTitle => ("Nivel actual y meta por pilar", "Current level and target per pillar"),
    RmShowTable => ("Ver datos como tabla", "Show data as a table"),
    RmItem => ("Acción", "Item"),
    RmOwner => ("Responsable", "Owner"),
    RmStart => ("Inicio", "Start"),
    RmEnd => ("Fin", "End"),
    RmHorizon => ("Horizonte", "Horizon"),
    RmStatus => ("Estado", "Status"),
    RmProgress => ("Avance (%)", "Progress (%)"),
    RmDependsOn => ("Depende de", "Depends on"),
    RmMilestones => ("Hitos", "Milestones"),
    RmPillar => ("Pilar", "Pillar"),
    RmCurrent => ("Actual", "Current"),
    RmTarget => ("Meta", "Target"),
    RmTeam => ("Equipo", "Team"),
    RmQuickWin => ("Victoria rápida", "Quick win"),
    RmPinned => ("Editada a mano (fija)", "Edited by hand (pinned)"),
    RmNoItems => ("Este horizonte no tiene acciones.", "Nothing in this horizon."),
    RmNoPillarData => (
        "Aún no hay niveles del equipo para comparar con las metas.",
        "There are no team levels yet to compare with the targets."
    ),
    RmLateStarts => (
        "Estas acciones empiezan antes de que termine la acción de la que dependen (sus fechas se fijaron a mano). Ajuste sus fechas o quite la fijación y vuelva a generar:",
        "These items start before the item they depend on has ended (their dates were set by hand). Adjust their dates, or unpin them and generate again:"
    ),
    RmLateStartPair => ("«{item}» depende de «{dependency}»", "“{item}” depends on “{dependency}”"),
    RmTargetRule => (
        "La meta de un indicador es la mediana de las metas de los miembros; sin ellas, un nivel más que el actual si una acción de la hoja de ruta lo mejora; si no, el nivel actual.",
        "An indicator's target is the median of the members' targets; without them, one level above the current one if a roadmap item improves it; otherwise the current level."
    ),
    RmEditItem => ("Editar «{title}»", "Edit \"{title}\""),
    RmEditHelp => (
        "Cualquier cambio de fechas, responsable o hitos fija la acción: al volver a generar se conserva.",
        "Any change of dates, owner or milestones pins the item: it is kept when the roadmap is generated again."
    ),
    RmEndHelp => (
        "Deje el fin vacío para mover la acción sin cambiar su duración.",
        "Leave the end empty to move the item and keep its length."
    ),
    RmSaveDates => ("Guardar fechas", "Save dates"),
    RmSaveOwner => ("Cambiar responsable", "Change owner"),
    RmMilestoneTitle => ("Hito", "Milestone"),
    RmMilestoneDue => ("Fecha", "Date"),
    RmAddMilestone => ("Añadir hito", "Add milestone"),
    RmSaveMilestone => ("Guardar hito", "Save milestone"),
    RmRemoveMilestone => ("Quitar", "Remove"),
    RmUnpin => ("Soltar (que el generador la vuelva a ubicar)", "Unpin (let the generator place it again)"),
    RmFollowUp => ("Seguimiento", "Follow-up"),
    RmSaveFollowUp => ("Guardar seguimiento", "Save follow-up"),
    RmFollowUpHelp => (
        "Niveles de cumplimiento de OGP. Una acción completada cuenta como 100 %.",
        "OGP completion levels. A completed item counts as 100 %."
    ),
    RmSaved => ("Guardado.", "Saved."),
    RmStaffIntro => (
        "Genere la hoja de ruta de cada equipo a partir de sus acciones priorizadas, revísela y edítela con el equipo.",
        "Generate each team's roadmap from its prioritised actions, then review and edit it with the team."
    ),
    RmGenerateAll => ("Generar todas las hojas de ruta", "Generate every roadmap"),
    RmGenerateAllHelp => (
        "Para cada equipo con acciones. Las acciones editadas a mano se conservan.",
        "For every team with actions. Items edited by hand are kept."
    ),
    RmGeneratedAll => ("Hojas de ruta generadas: {count} equipos.", "Roadmaps generated: {count} teams."),
    RmPickTeam => ("Equipo", "Team"),
    RmWorkshopView => ("Todo el taller", "The whole workshop"),
    RmHorizonsTitle => ("Acciones por horizonte y equipo", "Items per horizon and team"),
    RmWorkshopRadarTitle => ("Nivel actual y meta del taller por pilar", "The workshop's current level and target per pillar"),
    RmNoRoadmaps => ("Ningún equipo tiene hoja de ruta todavía.", "No team has a roadmap yet."),
    RmGenerateClosedHint => (
        "Se puede generar en las fases de priorización y hoja de ruta.",
        "Roadmaps can be generated in the prioritisation and roadmap phases."
    ),
    RmLeadClosedHint => (
        "La persona líder del equipo puede generar y editar la hoja de ruta en la fase de hoja de ruta.",
        "The team lead can generate and edit the roadmap in the roadmap phase."
    ),
    RmErrOwnerEmpty => ("Indique la unidad responsable.", "Name the responsible unit."),
    RmErrOwnerLong => ("El responsable admite hasta 120 caracteres.", "The owner takes up to 120 characters."),
    RmErrMilestoneTitleEmpty => ("Escriba el hito.", "Write the milestone."),
    RmErrMilestoneTitleLong => ("Un hito admite hasta 200 caracteres.", "A milestone takes up to 200 characters."),
    RmErrProgressRange => ("El avance es un número de 0 a 100.", "Progress is a number from 0 to 100."),
    RmErrMilestoneOutside => (
        "La fecha del hito debe caer entre el inicio y el fin de la acción.",
        "The milestone's date must fall between the item's start and end."
    ),
    RmErrEndsAfterDependent => (
        "Esta acción debe terminar antes de que empiecen las que dependen de ella: {names}. Elija un fin anterior o mueva esas acciones primero.",
        "This item must end before the items that depend on it start: {names}. Choose an earlier end or move those items first."
    ),
    RmErrPlanClosed => (
        "La hoja de ruta solo se edita en la fase de hoja de ruta.",
        "The roadmap can only be edited in the roadmap phase."
    ),
    RmErrFollowUpClosed => (
        "El seguimiento se registra en las fases de hoja de ruta y cierre.",
        "Follow-up is recorded in the roadmap and closed phases."
    ),
    RmErrGenerateClosed => (
        "En esta fase no puede generar la hoja de ruta: quien facilita lo hace en priorización y hoja de ruta; la persona líder, en hoja de ruta.",
        "You cannot generate the roadmap in this phase: facilitators do in prioritisation and roadmap, team leads in roadmap."
    ),
    TabRoadmap => ("Hoja de ruta", "Roadmap"),
    StaffTabRoadmap => ("Hoja de ruta", "Roadmap"),
    HorizonNow => ("Ahora (0–6 meses)", "Now (0–6 months)"),
    HorizonNext => ("Después (6–18 meses)", "Next (6–18 months)"),
    HorizonLater => ("Más adelante (18–36 meses)", "Later (18–36 months)"),
    StatusNotStarted => ("No iniciado", "Not started"),
    StatusLimited => ("Limitado", "Limited"),
    StatusSubstantial => ("Sustancial", "Substantial"),
    StatusCompleted => ("Completado", "Completed"),

    // Roadmap charts and scheduling rules: keys go below this line.
    RmcMilestoneKickoff => (
        "Arranque: unidad responsable y plan acordados",
        "Kickoff: unit named, plan agreed"
    ),
    RmcMilestoneMidpoint => (
        "Mitad del camino: avance publicado",
        "Halfway: progress published"
    ),
    RmcMilestoneDelivery => (
        "Entrega: resultado publicado",
        "Delivery: result published"
    ),
    RmcErrEndBeforeStart => (
        "La fecha de fin no puede ser anterior a la de inicio.",
        "The end date cannot be before the start date."
    ),
    RmcErrStartsBeforeDependency => (
        "Esta acción no puede empezar antes de que terminen: {names}. Elija una fecha de inicio posterior o cambie esas fechas.",
        "This action cannot start before these have ended: {names}. Choose a later start date or change their dates."
    ),
    RmcErrDateFormat => (
        "Escriba la fecha como AAAA-MM-DD, por ejemplo 2027-03-31.",
        "Write the date as YYYY-MM-DD, for example 2027-03-31."
    ),
    RmcErrDateNoSuchDay => (
        "Ese día no existe en el calendario (revise el mes y el día).",
        "That day does not exist in the calendar (check the month and the day)."
    ),
    RmcErrDateRange => (
        "Elija una fecha entre los años 2000 y 2099.",
        "Choose a date between the years 2000 and 2099."
    ),
    RmcGanttTitle => ("Cronograma por unidad responsable", "Timeline by responsible unit"),
    RmcGanttAxis => ("Meses desde el inicio", "Months from the start"),
    RmcGanttOffset => ("Inicio (meses)", "Start (months)"),
    RmcGanttDuration => ("Duración (meses)", "Duration (months)"),
    RmcGanttLabel => (
        "Diagrama de Gantt: cada acción es una barra desde su inicio hasta su fin, agrupadas por unidad responsable. La tabla tiene los mismos datos.",
        "Gantt chart: each action is a bar from its start to its end, grouped by responsible unit. The table holds the same data."
    ),
    RmcRadarTitle => ("Nivel actual y meta por pilar", "Current level and target by pillar"),
    RmcRadarLabel => (
        "Radar del nivel actual y de la meta de cada pilar, de 0 a 5. La tabla tiene los mismos datos.",
        "Radar of each pillar's current level and target, from 0 to 5. The table holds the same data."
    ),
    RmcCurrent => ("Nivel actual", "Current level"),
    RmcTarget => ("Meta", "Target"),
    RmcChange => ("Cambio esperado", "Expected change"),
    RmcPillar => ("Pilar", "Pillar"),
    RmcHorizonsTitle => ("Acciones por horizonte y equipo", "Actions by horizon and team"),
    RmcHorizonsLabel => (
        "Barras apiladas con el número de acciones de cada equipo que empiezan ahora, después y más adelante. La tabla tiene los mismos datos.",
        "Stacked bars of how many of each team's actions start now, next and later. The table holds the same data."
    ),
    RmcHorizonNowShort => ("Ahora", "Now"),
    RmcHorizonNextShort => ("Después", "Next"),
    RmcHorizonLaterShort => ("Más adelante", "Later"),
    RmcUnit => ("Unidad responsable", "Responsible unit"),
    RmcAction => ("Acción", "Action"),
    RmcStart => ("Inicio", "Start"),
    RmcEnd => ("Fin", "End"),
    RmcHorizon => ("Horizonte", "Horizon"),
    RmcDependsOn => ("Depende de", "Depends on"),
    RmcTeam => ("Equipo", "Team"),
    RmcTotal => ("Total", "Total"),
    RmcNothing => ("—", "—"),

    // Re-assessment rounds: keys go below this line.
    StaffTabRounds => ("Rondas", "Rounds"),
    RoundTitle => ("Rondas de evaluación", "Assessment rounds"),
    RoundIntro => (
        "Para seguir el avance, los participantes pueden volver a evaluarse con el mismo marco, meses después, y comparar las rondas.",
        "To follow progress, participants can assess themselves again on the same framework, months later, and compare the rounds."
    ),
    RoundCurrent => ("Ronda actual: {n}", "Current round: {n}"),
    RoundPhase => ("Fase", "Phase"),
    RoundAnswersSoFar => ("Respuestas en esta ronda: {n}", "Answers in this round: {n}"),
    RoundClosedTitle => ("Rondas cerradas", "Closed rounds"),
    RoundClosedItem => ("Ronda {n}, cerrada el {date}", "Round {n}, closed on {date}"),
    RoundNoneClosed => ("Todavía no se ha cerrado ninguna ronda.", "No round has been closed yet."),
    RoundOpenTitle => ("Abrir una nueva ronda", "Open a new round"),
    RoundOpenExplain => (
        "Las respuestas dadas hasta ahora se guardan como ronda {n} y se podrán comparar con la nueva. El taller vuelve a la fase de evaluación y los participantes responden de nuevo, desde cero, en la ronda {next}. Las acciones y las hojas de ruta se mantienen: pertenecen al taller, no a la ronda.",
        "The answers given so far are kept as round {n} and can be compared with the new one. The workshop goes back to the assessment phase and participants answer again, from scratch, in round {next}. Actions and roadmaps stay: they belong to the workshop, not to the round."
    ),
    RoundOpenConfirm => (
        "Entiendo que los participantes volverán a responder y que la ronda {n} queda cerrada.",
        "I understand that participants will answer again and that round {n} is closed."
    ),
    RoundOpenSubmit => ("Abrir la ronda {next}", "Open round {next}"),
    RoundOpenNotYet => (
        "Se puede abrir una nueva ronda cuando la actual se ha revisado (a partir de la fase de revisión).",
        "A new round can be opened once the current one has been reviewed (from the review phase on)."
    ),
    RoundOpened => ("La ronda {n} está abierta: los participantes ya pueden responder.", "Round {n} is open: participants can answer now."),
    RoundErrTooEarly => (
        "Todavía no se puede abrir una nueva ronda: la ronda actual debe revisarse primero (fase de revisión o posterior).",
        "A new round cannot be opened yet: the current round must be reviewed first (review phase or later)."
    ),
    RoundErrStale => (
        "La ronda cambió desde que abrió esta página (otra persona abrió una nueva ronda). Recargue la página; no se cambió nada.",
        "The round changed since this page was opened (someone else opened a new round). Reload the page; nothing was changed."
    ),
    RoundErrLimit => ("Este taller llegó al máximo de 100 rondas.", "This workshop has reached the limit of 100 rounds."),
    RoundErrConfirm => (
        "Marque la casilla para confirmar que los participantes volverán a responder.",
        "Tick the box to confirm that participants will answer again."
    ),
    RoundErrUnknown => ("Esa ronda no existe en este taller.", "This workshop has no such round."),
    RoundErrOrder => ("La primera ronda debe ser anterior a la segunda.", "The first round must come before the second."),
    RoundCompareTitle => ("Comparar rondas", "Compare rounds"),
    RoundCompareNeedTwo => (
        "La comparación aparece cuando hay al menos dos rondas.",
        "The comparison appears once there are at least two rounds."
    ),
    RoundFrom => ("Ronda anterior", "Earlier round"),
    RoundTo => ("Ronda posterior", "Later round"),
    RoundScope => ("Equipo", "Team"),
    RoundWholeWorkshop => ("Todo el taller", "Whole workshop"),
    RoundOnlyWorkshop => ("Solo el taller completo", "The whole workshop only"),
    RoundName => ("Ronda {n}", "Round {n}"),
    RoundNameCurrent => ("Ronda {n} (actual)", "Round {n} (current)"),
    RoundChartTitle => ("{scope}: promedio por pilar en cada ronda", "{scope}: pillar averages by round"),
    RoundPillarsTitle => ("{scope}: pilares", "{scope}: pillars"),
    RoundIndicatorsTitle => ("{scope}: indicadores", "{scope}: indicators"),
    RoundPillar => ("Pilar", "Pillar"),
    RoundIndicator => ("Indicador", "Indicator"),
    RoundChange => ("Cambio", "Change"),
    RoundRespondents => ("Personas que respondieron", "People who answered"),
    RoundUp => ("sube", "up"),
    RoundDown => ("baja", "down"),
    RoundSame => ("sin cambio", "no change"),
    RoundNoChange => ("sin comparación: falta un valor", "no comparison: a value is missing"),
    RoundHow => (
        "Cómo se calcula: el nivel de un equipo en un indicador es el que fijó su líder o, si no, la mediana de sus miembros, igual que en el panel; el de un pilar es el promedio de sus indicadores. El taller es el promedio de los equipos. El cambio es la ronda posterior menos la anterior, con los valores redondeados a un decimal.",
        "How it is computed: a team's level on an indicator is the one its lead settled or else its members' median, as on the dashboard; a pillar's is the mean of its indicators. The workshop is the mean of the teams. The change is the later round minus the earlier one, on values rounded to one decimal."
    ),

    // Exports (CSV, XLSX, JSON, Markdown, OGP commitments): keys go below this line (prefix Exp).
    StaffTabExport => ("Exportar y compartir", "Export and share"),
    ExpTitle => ("Descargas", "Downloads"),
    ExpIntro => (
        "Los resultados del taller o de un equipo en el formato que prefiera. Las respuestas individuales van anonimizadas: cada persona es «persona 1, 2…» dentro de su equipo, nunca su nombre. Las notas y enlaces de evidencia no se exportan.",
        "The results of the workshop or of one team in the format you prefer. Individual answers are anonymised: each person is \"respondent 1, 2…\" within their team, never their name. Notes and evidence links are not exported."
    ),
    ExpScope => ("Qué exportar", "What to export"),
    ExpWholeWorkshop => ("Todo el taller", "Whole workshop"),
    ExpLanguage => ("Idioma del archivo", "Language of the file"),
    ExpTable => ("Tabla (solo CSV)", "Table (CSV only)"),
    ExpFormats => ("Formatos", "Formats"),
    ExpCsv => ("CSV (una tabla)", "CSV (one table)"),
    ExpXlsx => ("Excel (XLSX)", "Excel (XLSX)"),
    ExpJson => ("JSON (rumbo-export/1)", "JSON (rumbo-export/1)"),
    ExpMarkdown => ("Markdown (hoja de ruta y compromisos OGP)", "Markdown (roadmap and OGP commitments)"),
    ExpReport => ("Informe imprimible", "Printable report"),
    ExpDownload => ("Descargar", "Download"),
    ExpLinksFor => ("Enlaces de descarga", "Download links"),
    ExpTeamTitle => ("Descargas de su equipo", "Your team's downloads"),
    ExpTeamIntro => (
        "Los resultados, acciones y hoja de ruta de su equipo. Las respuestas individuales solo se incluyen, anonimizadas, si su equipo alcanza el umbral de anonimato del taller.",
        "Your team's results, actions and roadmap. Individual answers are included, anonymised, only when your team reaches the workshop's anonymity threshold."
    ),
    ExpSheetReadme => ("Léame", "Readme"),
    ExpSheetAnswers => ("Respuestas", "Answers"),
    ExpSheetConsensus => ("Consenso", "Consensus"),
    ExpSheetActions => ("Acciones", "Actions"),
    ExpSheetRoadmap => ("Hoja de ruta", "Roadmap"),
    ExpReadmeText => (
        "Exportación de Rumbo (esquema rumbo-export/1). Respuestas: una fila por persona e indicador, personas numeradas dentro de su equipo, sin nombres. Consenso: el nivel del equipo (el fijado por su líder o, si no, la mediana) con su dispersión. Acciones: en orden de prioridad. Hoja de ruta: cada acción con fechas, horizonte, estado y avance.",
        "Rumbo export (schema rumbo-export/1). Answers: one row per respondent and indicator, respondents numbered within their team, no names. Consensus: the team's level (the one its lead settled, or else the median) with its spread. Actions: in priority order. Roadmap: each item with dates, horizon, status and progress."
    ),
    ExpColWorkshop => ("Taller", "Workshop"),
    ExpColGenerated => ("Generado", "Generated"),
    ExpColScope => ("Alcance", "Scope"),
    ExpColTeam => ("Equipo", "Team"),
    ExpColRespondent => ("Persona", "Respondent"),
    ExpColPillar => ("Pilar", "Pillar"),
    ExpColIndicator => ("Indicador", "Indicator"),
    ExpColIndicatorName => ("Nombre del indicador", "Indicator name"),
    ExpColResponse => ("Respuesta", "Response"),
    ExpColLevel => ("Nivel", "Level"),
    ExpColTarget => ("Meta", "Target"),
    ExpColMark => ("Marca", "Mark"),
    ExpColConsensus => ("Consenso", "Consensus"),
    ExpColMedian => ("Mediana", "Median"),
    ExpColSettled => ("Fijado por el líder", "Settled by lead"),
    ExpColCount => ("Niveles dados", "Levels given"),
    ExpColMin => ("Mínimo", "Minimum"),
    ExpColMax => ("Máximo", "Maximum"),
    ExpColQ1 => ("Primer cuartil", "First quartile"),
    ExpColQ3 => ("Tercer cuartil", "Third quartile"),
    ExpColDisagreement => ("Desacuerdo", "Disagreement"),
    ExpColNotApplicable => ("No aplica", "Not applicable"),
    ExpColDontKnow => ("No sabe", "Don't know"),
    ExpColStrengths => ("Marcas de fortaleza", "Strength marks"),
    ExpColWeaknesses => ("Marcas de debilidad", "Weakness marks"),
    ExpColRank => ("Prioridad", "Rank"),
    ExpColTitle => ("Título", "Title"),
    ExpColDescription => ("Descripción", "Description"),
    ExpColUnit => ("Unidad responsable", "Responsible unit"),
    ExpColImpact => ("Impacto", "Impact"),
    ExpColEffort => ("Esfuerzo", "Effort"),
    ExpColCost => ("Costo", "Cost"),
    ExpColMoscow => ("MoSCoW", "MoSCoW"),
    ExpColDots => ("Puntos", "Dots"),
    ExpColScore => ("Puntaje", "Score"),
    ExpColQuadrant => ("Cuadrante", "Quadrant"),
    ExpColIndicators => ("Indicadores", "Indicators"),
    ExpColDependsOn => ("Depende de", "Depends on"),
    ExpColStart => ("Inicio", "Start"),
    ExpColEnd => ("Fin", "End"),
    ExpColHorizon => ("Horizonte", "Horizon"),
    ExpColStatus => ("Estado", "Status"),
    ExpColProgress => ("Avance (%)", "Progress (%)"),
    ExpColQuickWin => ("Victoria rápida", "Quick win"),
    ExpColMilestones => ("Hitos", "Milestones"),
    ExpColOgpValues => ("Valores OGP", "OGP values"),
    ExpYes => ("sí", "yes"),
    ExpNo => ("no", "no"),
    ExpCommitmentsTitle => ("Compromisos en formato OGP", "Commitments in OGP format"),
    ExpCommitmentsIntro => (
        "Cada acción de la hoja de ruta como un compromiso de Gobierno Abierto: el problema y su línea de base salen de la autoevaluación del equipo.",
        "Each roadmap item as an Open Government commitment: the problem and its baseline come from the team's self-assessment."
    ),
    ExpNoCommitments => ("Todavía no hay hoja de ruta: no hay compromisos.", "There is no roadmap yet: no commitments."),
    ExpProblem => ("Problema público y línea de base", "Public problem and baseline"),
    ExpCommitment => ("Compromiso", "Commitment"),
    ExpContribution => ("Cómo contribuye a resolver el problema", "How it contributes to solving the problem"),
    ExpValues => ("Relevancia para los valores de OGP", "Relevance to OGP values"),
    ExpValuesNone => ("ninguno identificado", "none identified"),
    ExpLeadUnit => ("Unidad responsable", "Lead unit"),
    ExpMilestones => ("Hitos", "Milestones"),
    ExpDates => ("Fechas", "Dates"),
    ExpNoMilestones => ("sin hitos", "no milestones"),
    ExpProblemLine => (
        "{code} {name}: nivel actual {current} de 5, meta {target}.",
        "{code} {name}: current level {current} of 5, target {target}."
    ),
    ExpProblemNone => (
        "La acción no está vinculada a ningún indicador: el problema no se deriva de la autoevaluación.",
        "The action is linked to no indicator: the problem is not drawn from the self-assessment."
    ),
    ExpContributionLine => (
        "Busca llevar {codes} de un nivel promedio de {current} a {target} entre {from} y {to}.",
        "It aims to raise {codes} from an average level of {current} to {target} between {from} and {to}."
    ),
    ExpContributionNone => (
        "Sin línea de base: su contribución se describe en el compromiso.",
        "No baseline: its contribution is described in the commitment."
    ),
    ExpValueAccess => ("Acceso a la información", "Access to information"),
    ExpValueParticipation => ("Participación cívica", "Civic participation"),
    ExpValueAccountability => ("Rendición de cuentas pública", "Public accountability"),
    ExpValueTechnology => ("Tecnología e innovación", "Technology and innovation"),
    ExpMdRoadmap => ("Hoja de ruta", "Roadmap"),
    ExpMdNoRoadmap => ("Sin hoja de ruta todavía.", "No roadmap yet."),
    ExpMdPillars => ("Promedio por pilar", "Pillar averages"),
    ExpMdWorkshopAverage => ("Promedio del taller", "Workshop average"),
    ExpErrFormat => ("Formato desconocido: use csv, xlsx, json o md.", "Unknown format: use csv, xlsx, json or md."),
    ExpErrTable => (
        "Tabla desconocida: use answers, consensus, actions, roadmap o needs.",
        "Unknown table: use answers, consensus, actions, roadmap or needs."
    ),
    ExpErrLang => ("Idioma desconocido: use es o en.", "Unknown language: use es or en."),
    ExpErrTeam => ("Ese equipo no existe en este taller.", "This workshop has no such team."),

    // Printable report and chart images: keys go below this line (prefix Rep).
    RepDownloadPng => ("Descargar PNG", "Download PNG"),
    RepDownloadPngLabel => ("Descargar PNG: gráfico «{chart}»", "Download PNG: chart “{chart}”"),
    RepTitle => ("Informe", "Report"),
    RepWorkshopReport => ("Informe del taller", "Workshop report"),
    RepTeamReport => ("Informe del equipo {team}", "Report of team {team}"),
    RepPrint => ("Imprimir / guardar como PDF", "Print / save as PDF"),
    RepPrintHint => (
        "Para un PDF, elija «Guardar como PDF» en el diálogo de impresión. Cada gráfico va seguido de su tabla de datos.",
        "For a PDF, choose “Save as PDF” in the print dialogue. Every chart is followed by its data table."
    ),
    RepBack => ("Volver", "Back"),
    RepPhase => ("Fase", "Phase"),
    RepDates => ("Fechas del taller", "Workshop dates"),
    RepNoDates => ("sin fechas fijadas", "no dates set"),
    RepGenerated => ("Informe generado el {date}", "Report generated on {date}"),
    RepTeamsCount => ("Equipos", "Teams"),
    RepContents => ("Contenido", "Contents"),
    RepWorkshopResults => ("Resultados del taller", "Workshop results"),
    RepTeamResults => ("Resultados del equipo", "Team results"),
    RepTeamRadar => ("{team} frente al promedio del taller", "{team} against the workshop average"),
    RepTeamPillars => ("Promedio por pilar", "Average per pillar"),
    RepTeamIndicators => ("Nivel del equipo por indicador", "The team's level per indicator"),
    RepLevel => ("Nivel", "Level"),
    RepActions => ("Acciones priorizadas", "Prioritised actions"),
    RepRoadmap => ("Hoja de ruta", "Roadmap"),
    RepNoTeams => ("Este taller todavía no tiene equipos.", "This workshop has no teams yet."),
    RepRule => (
        "El nivel de un equipo en un indicador es el que fijó su líder o, si no, la mediana de sus miembros; el de un pilar es el promedio de sus indicadores. No se muestra ninguna respuesta individual.",
        "A team's level on an indicator is the one its lead settled or else its members' median; a pillar's is the mean of its indicators. No individual answer is shown."
    ),

    // Sharing, publishing, public pages and open data: keys go below this line (prefix Shr).
    ShrTitle => ("Compartir y publicar", "Share and publish"),
    ShrPublishTitle => ("Publicar", "Publish"),
    ShrPublishIntro => (
        "Publicar pone en una página pública y como datos abiertos (CSV y JSON) los promedios anonimizados y las hojas de ruta. Nunca se publican respuestas individuales ni nombres de participantes; los equipos con menos respuestas que el umbral de anonimato aparecen solo por su nombre.",
        "Publishing puts the anonymised averages and the roadmaps on a public page and as open data (CSV and JSON). Individual answers and participants' names are never published; teams with fewer respondents than the anonymity threshold appear by name only."
    ),
    ShrNotPublished => ("No publicado.", "Not published."),
    ShrPublishedSince => ("Publicado desde el {date}.", "Published since {date}."),
    ShrPublicPageLink => ("Ver la página pública", "See the public page"),
    ShrLicence => ("Licencia", "Licence"),
    ShrLicenceCcBy => ("CC BY 4.0 (reutilización citando la fuente)", "CC BY 4.0 (reuse with attribution)"),
    ShrLicenceCc0 => ("CC0 1.0 (dominio público)", "CC0 1.0 (public domain)"),
    ShrLicenceOdbl => ("ODbL 1.0 (base de datos abierta)", "ODbL 1.0 (open database)"),
    ShrPublish => ("Publicar", "Publish"),
    ShrChangeLicence => ("Cambiar la licencia", "Change the licence"),
    ShrUnpublish => ("Dejar de publicar", "Unpublish"),
    ShrErrLicence => ("Elija una de las licencias ofrecidas.", "Choose one of the licences offered."),
    ShrLinksTitle => ("Enlaces de observación", "Observer links"),
    ShrLinksIntro => (
        "Un enlace de solo lectura para quien observa (el despacho del prefecto, el punto de contacto de OGP): muestra los resultados anonimizados y las hojas de ruta del taller o de un equipo. Se puede revocar en cualquier momento.",
        "A read-only link for an observer (the prefect's office, the OGP point of contact): it shows the anonymised results and roadmaps of the workshop or of one team. It can be revoked at any time."
    ),
    ShrScope => ("Qué muestra", "What it shows"),
    ShrWholeWorkshop => ("Todo el taller", "The whole workshop"),
    ShrLabel => ("Etiqueta (opcional)", "Label (optional)"),
    ShrExpiresOn => ("Último día (opcional)", "Last day (optional)"),
    ShrExpiresHint => ("El enlace deja de funcionar al terminar ese día (UTC). Vacío: no caduca.", "The link stops working at the end of that day (UTC). Empty: it does not expire."),
    ShrCreate => ("Crear enlace", "Create link"),
    ShrShownOnce => ("Copie el enlace ahora: no se volverá a mostrar.", "Copy the link now: it will not be shown again."),
    ShrLinkAddress => ("Dirección del enlace", "Link address"),
    ShrCopy => ("Copiar", "Copy"),
    ShrCopied => ("Copiado", "Copied"),
    ShrNoLinks => ("Todavía no hay enlaces.", "No links yet."),
    ShrLinksCaption => ("Enlaces de observación del taller", "The workshop's observer links"),
    ShrNoLabel => ("(sin etiqueta)", "(no label)"),
    ShrCreated => ("Creado", "Created"),
    ShrExpires => ("Último día", "Last day"),
    ShrNever => ("sin caducidad", "never expires"),
    ShrState => ("Estado", "State"),
    ShrStateActive => ("activo", "active"),
    ShrStateExpired => ("caducado", "expired"),
    ShrStateRevoked => ("revocado", "revoked"),
    ShrRevoke => ("Revocar", "Revoke"),
    ShrErrTeam => ("Elija un equipo de este taller.", "Choose a team of this workshop."),
    ShrErrLabelLong => ("La etiqueta puede tener hasta 120 caracteres.", "The label may have up to 120 characters."),
    ShrErrExpiryPast => ("El último día no puede estar en el pasado.", "The last day cannot be in the past."),
    ShrObserverTitle => ("Vista de observación", "Observer view"),
    ShrObserverNote => ("Vista de solo lectura compartida por la facilitación del taller.", "A read-only view shared by the workshop's facilitators."),
    ShrObserverTeam => ("Equipo: {team}.", "Team: {team}."),
    ShrLinkGoneTitle => ("Este enlace ya no funciona", "This link no longer works"),
    ShrLinkRevoked => ("La facilitación revocó este enlace. Pida uno nuevo si lo necesita.", "The facilitators revoked this link. Ask for a new one if you need it."),
    ShrLinkExpired => ("Este enlace caducó. Pida uno nuevo si lo necesita.", "This link has expired. Ask for a new one if you need it."),
    ShrOpenTitle => ("Datos abiertos de los talleres", "Workshops' open data"),
    ShrOpenIntro => (
        "Talleres cuya facilitación publicó los resultados anonimizados y las hojas de ruta, con sus datos abiertos en CSV y JSON.",
        "Workshops whose facilitators published the anonymised results and roadmaps, with their open data as CSV and JSON."
    ),
    ShrOpenNone => ("Todavía no hay talleres publicados.", "No workshops are published yet."),
    ShrPublishedBy => ("Publicado por {name} el {date}", "Published by {name} on {date}"),
    ShrOpenData => ("Datos abiertos", "Open data"),
    ShrOpenDataIntro => (
        "Los mismos números de esta página, en JSON (con metadatos: licencia, fuente, fecha) y en una tabla CSV por tema.",
        "The same numbers as this page, as JSON (with metadata: licence, source, date) and one CSV table per topic."
    ),
    ShrThresholdNote => (
        "Solo se muestran los números de equipos con al menos {n} personas que respondieron; los promedios del taller se calculan sobre esos equipos.",
        "Only teams with at least {n} respondents show numbers; the workshop's averages are computed over those teams."
    ),
    ShrHiddenTeams => ("Equipos con pocas respuestas para mostrarlos:", "Teams with too few respondents to show:"),
    ShrRoadmapOf => ("Hoja de ruta: {team}", "Roadmap: {team}"),
    ShrNoRoadmap => ("Todavía no tiene hoja de ruta.", "No roadmap yet."),
    ShrStatus => ("Estado", "Status"),
    ShrProgress => ("Avance", "Progress"),
    ShrHomeOpenLink => ("Resultados y hojas de ruta publicados (datos abiertos)", "Published results and roadmaps (open data)"),

    // Archive export and import: keys go below this line (prefix Arc).
    ArcTitle => ("Archivo del taller", "Workshop archive"),
    ArcIntro => (
        "Todo el taller en un solo archivo: ajustes, marco, equipos, participantes, respuestas, consensos, rondas, acciones, votos y hojas de ruta. Se puede importar en otra instalación de Rumbo.",
        "The whole workshop in one file: settings, framework, teams, participants, answers, consensus, rounds, actions, votes and roadmaps. It can be imported into another Rumbo installation."
    ),
    ArcPrivate => (
        "El archivo contiene los nombres de los participantes y sus respuestas individuales: guárdelo en privado. No incluye códigos de acceso, enlaces compartidos ni contraseñas.",
        "The file holds participants' names and their individual answers: keep it private. It holds no join code, share links or passwords."
    ),
    ArcDownload => ("Descargar archivo (JSON)", "Download archive (JSON)"),
    ArcDownloadGzip => ("Descargar comprimido (.json.gz)", "Download compressed (.json.gz)"),
    ArcImportTitle => ("Importar un taller", "Import a workshop"),
    ArcImportIntro => (
        "Cree un taller nuevo a partir de un archivo de Rumbo (.json o .json.gz, hasta 20 MB). Usted será su propietario; tendrá un código de acceso nuevo y no estará publicado.",
        "Create a new workshop from a Rumbo archive (.json or .json.gz, up to 20 MB). You become its owner; it gets a new join code and starts unpublished."
    ),
    ArcImportFile => ("Archivo del taller", "Archive file"),
    ArcImportButton => ("Importar", "Import"),
    ArcImportFailed => ("No se pudo importar el archivo:", "The archive could not be imported:"),
    ArcAt => ("en", "at"),
    ArcTooLarge => ("El archivo supera los 20 MB.", "The file is larger than 20 MB."),
    ArcNoFile => ("Elija un archivo.", "Choose a file."),
    ArcNotJson => ("El archivo no es JSON válido.", "The file is not valid JSON."),
    ArcNotGzip => ("El archivo comprimido está dañado.", "The compressed file is damaged."),
    ArcFormat => (
        "No es un archivo de taller de Rumbo en un formato que esta versión lea (rumbo-archive/1).",
        "This is not a Rumbo workshop archive in a format this version reads (rumbo-archive/1)."
    ),
    ArcShape => (
        "Falta un dato o tiene un tipo que no corresponde.",
        "A value is missing or of the wrong type."
    ),
    ArcFramework => (
        "El marco de evaluación del archivo no es válido.",
        "The archive's framework is not valid."
    ),
    ArcDangling => (
        "Una referencia apunta a algo que no está en el archivo.",
        "A reference points to something that is not in the file."
    ),
    ArcDuplicate => ("Un dato aparece dos veces.", "A value appears twice."),
    ArcOutOfRange => ("Un valor no está permitido.", "A value is not allowed."),
    ArcCycle => (
        "Las dependencias entre acciones forman un ciclo.",
        "The dependencies between actions form a cycle."
    ),

    // API tokens and the JSON API: keys go below this line (prefix Api).
    ApiTitle => ("Tokens de API", "API tokens"),
    ApiIntro => (
        "Un token deja que otro programa use la API JSON de Rumbo (/api/v1) en su nombre, con acceso a sus talleres. Guárdelo como una contraseña; revóquelo si ya no lo usa. La API está descrita en /api/v1/openapi.json.",
        "A token lets another program use Rumbo's JSON API (/api/v1) on your behalf, with access to your workshops. Keep it like a password; revoke it when no longer used. The API is described at /api/v1/openapi.json."
    ),
    ApiName => ("Nombre del token", "Token name"),
    ApiNameHint => ("Para reconocerlo, p. ej. «hoja de cálculo de la prefectura».", "To recognise it, e.g. \"the prefecture's spreadsheet\"."),
    ApiCreate => ("Crear token", "Create token"),
    ApiSecretOnce => (
        "Copie este token ahora: no se volverá a mostrar.",
        "Copy this token now: it will not be shown again."
    ),
    ApiNone => ("Aún no tiene tokens.", "You have no tokens yet."),
    ApiPrefix => ("Comienza con", "Starts with"),
    ApiCreated => ("Creado", "Created"),
    ApiLastUsed => ("Último uso", "Last used"),
    ApiNeverUsed => ("nunca", "never"),
    ApiRevoke => ("Revocar", "Revoke"),
    ApiRevoked => ("revocado", "revoked"),
    ApiErrNameEmpty => ("Dé un nombre al token.", "Give the token a name."),
    ApiErrNameTooLong => ("El nombre admite hasta 80 caracteres.", "The name may have up to 80 characters."),
    ApiErrTooMany => ("Tiene demasiados tokens activos: revoque alguno primero.", "You have too many active tokens: revoke one first."),
    ApiErrToken => (
        "Falta el token de API o no es válido (revocado o desconocido). Envíe «Authorization: Bearer <token>».",
        "The API token is missing or not valid (revoked or unknown). Send \"Authorization: Bearer <token>\"."
    ),
    ApiErrTooLarge => ("El cuerpo de la solicitud es demasiado grande.", "The request body is too large."),
    ApiErrJson => ("El cuerpo no es JSON válido para esta operación.", "The body is not valid JSON for this operation."),
    ApiErrNoAnswers => ("Envíe al menos una respuesta.", "Send at least one answer."),
    ApiErrUnknownIndicator => ("El marco del taller no tiene ese código de indicador.", "The workshop's framework has no indicator with that code."),
    ApiTitleInvalid => ("Algunos valores no son aceptables", "Some values are not acceptable"),
    ApiTitleConflict => ("El cambio choca con el estado actual", "The change clashes with the current state"),
    ApiTitleTooLarge => ("Demasiado grande", "Too large"),

    // Learning: primer, glossary and experiences: keys go below this line (prefix Lrn).
    LrnPrimerTitle => ("El ABC del gobierno abierto", "The ABC of open government"),
    LrnFooterNav => ("Aprender", "Learn"),
    LrnPrimerIntro => (
        "Una guía breve para leer el taller: qué es el gobierno abierto, sus valores, los cuatro pilares del marco, el ciclo de OGP, el marco legal de Ecuador y un glosario.",
        "A short guide to the workshop: what open government is, its values, the framework's four pillars, the OGP cycle, Ecuador's legal frame, and a glossary."
    ),
    LrnContents => ("Contenido", "Contents"),
    LrnGlossary => ("Glosario", "Glossary"),
    LrnReadPrimer => ("¿Dudas con un término? Lea la guía sobre {code}", "Unsure of a term? Read the guide on {code}"),
    LrnRelatedCases => ("Experiencias relacionadas", "Related experiences"),
    LrnBackToQuestion => ("Volver a la pregunta", "Back to the question"),
    LrnBackToActions => ("Volver a las acciones", "Back to the actions"),
    LrnBackToWorkshop => ("Volver al taller", "Back to the workshop"),
    LrnExperiencesTitle => ("Biblioteca de experiencias", "Experiences library"),
    LrnExperiencesIntro => (
        "Experiencias reales de gobierno abierto, de América Latina y del mundo, con sus fuentes. Cada una indica los indicadores del marco que ilustra.",
        "Real open-government experiences, from Latin America and the world, with their sources. Each names the framework's indicators it illustrates."
    ),
    LrnWorkshopContext => ("Incluye los casos propios del taller «{title}».", "Includes the own cases of the workshop \"{title}\"."),
    LrnSearchLabel => ("Buscar palabras", "Search words"),
    LrnFilterPillar => ("Pilar", "Pillar"),
    LrnFilterIndicator => ("Indicador", "Indicator"),
    LrnAllPillars => ("Todos los pilares", "All pillars"),
    LrnSearch => ("Buscar", "Search"),
    LrnCaseCount => ("{n} de {total} experiencias", "{n} of {total} experiences"),
    LrnNoCases => ("Ninguna experiencia coincide con la búsqueda.", "No experience matches the search."),
    LrnOwnCase => ("Caso del taller", "Workshop case"),
    LrnIndicators => ("Indicadores que ilustra", "Indicators it illustrates"),
    LrnWhat => ("Qué se hizo", "What was done"),
    LrnResults => ("Resultados reportados", "Results reported"),
    LrnPresentedBy => ("Presenta", "Presented by"),
    LrnSources => ("Fuentes", "Sources"),
    LrnLevelNational => ("Nacional", "National"),
    LrnLevelRegional => ("Intermedio (provincia, departamento, estado, región)", "Intermediate (province, department, state, region)"),
    LrnLevelMunicipal => ("Municipal o cantonal", "Municipal or cantonal"),
    LrnLevelOther => ("Otro", "Other"),
    LrnStaffTabCases => ("Experiencias", "Experiences"),
    LrnOwnCasesTitle => ("Experiencias propias del taller", "The workshop's own experiences"),
    LrnOwnCasesIntro => (
        "Añada los casos que se presentan en el taller (por ejemplo, una prefectura que cuenta su experiencia). Los participantes los ven en la biblioteca, junto a los indicadores que ilustran.",
        "Add the cases presented in the workshop (for example, a prefecture telling its experience). Participants see them in the library, beside the indicators they illustrate."
    ),
    LrnNoOwnCases => ("Todavía no hay casos propios.", "No own cases yet."),
    LrnSeeLibrary => ("Ver la biblioteca como la ven los participantes", "See the library as participants see it"),
    LrnAddCase => ("Añadir una experiencia", "Add an experience"),
    LrnEdit => ("Editar", "Edit"),
    LrnDelete => ("Eliminar", "Delete"),
    LrnDeleteLabel => ("Eliminar «{title}»", "Delete \"{title}\""),
    LrnSaveCase => ("Guardar la experiencia", "Save the experience"),
    LrnFieldTitle => ("Título", "Title"),
    LrnFieldPlace => ("Lugar (provincia, cantón, ciudad)", "Place (province, canton, city)"),
    LrnFieldCountry => ("País", "Country"),
    LrnFieldLevel => ("Nivel de gobierno", "Level of government"),
    LrnFieldYears => ("Años", "Years"),
    LrnFieldWhat => ("Qué se hizo", "What was done"),
    LrnFieldResults => ("Resultados reportados (opcional)", "Results reported (optional)"),
    LrnFieldIndicators => ("Indicadores que ilustra (códigos)", "Indicators it illustrates (codes)"),
    LrnIndicatorsHint => ("Separe los códigos con comas. Códigos del marco: {codes}", "Separate the codes with commas. The framework's codes: {codes}"),
    LrnFieldPresentedBy => ("Quién lo presenta (opcional)", "Presented by (optional)"),
    LrnFieldSourceTitle => ("Fuente: título (opcional)", "Source: title (optional)"),
    LrnFieldSourceUrl => ("Fuente: enlace (opcional)", "Source: link (optional)"),
    LrnErrRequired => ("Complete este campo.", "Fill in this field."),
    LrnErrTooLong40 => ("Admite hasta 40 caracteres.", "It may have up to 40 characters."),
    LrnErrTooLong80 => ("Admite hasta 80 caracteres.", "It may have up to 80 characters."),
    LrnErrTooLong120 => ("Admite hasta 120 caracteres.", "It may have up to 120 characters."),
    LrnErrTooLong200 => ("Admite hasta 200 caracteres.", "It may have up to 200 characters."),
    LrnErrTooLong2000 => ("Admite hasta 2.000 caracteres.", "It may have up to 2,000 characters."),
    LrnErrLink => ("El enlace debe ser una dirección web completa que empiece por http:// o https://.", "The link must be a full web address starting with http:// or https://."),
    LrnErrLevel => ("Elija un nivel de gobierno de la lista.", "Choose a level of government from the list."),
    LrnErrUnknownIndicator => ("Hay un código que el marco del taller no tiene. Use los códigos de la lista.", "A code is not in the workshop's framework. Use the codes listed."),
    LrnErrNoIndicator => ("Indique al menos un indicador que el caso ilustre.", "Name at least one indicator the case illustrates."),
    LrnErrTooManyIndicators => ("Indique como máximo 20 indicadores.", "Name at most 20 indicators."),
    LrnErrTooManyCases => ("El taller ya tiene 200 experiencias propias: elimine alguna antes de añadir otra.", "The workshop already has 200 own experiences: delete one before adding another."),

    // Workshop programme: keys go below this line (prefix Prg).
    PrgStaffTab => ("Programa", "Programme"),
    PrgTitle => ("Programa del taller", "Workshop programme"),
    PrgStaffIntro => (
        "Organice los días y las sesiones del taller: título, horario con su zona horaria, panelistas, la fase del taller que corresponde, el enlace de la videollamada y los materiales. Los participantes ven en su inicio la sesión en curso y la siguiente.",
        "Lay out the workshop's days and sessions: title, time with its time zone, panelists, the workshop phase it belongs to, the video-call link and materials. Participants see the current and the next session on their home page."
    ),
    PrgParticipantsView => ("Ver el programa como lo ven los participantes", "See the programme as participants see it"),
    PrgAddTitle => ("Añadir una sesión", "Add a session"),
    PrgAddSubmit => ("Añadir la sesión", "Add the session"),
    PrgAdded => ("Sesión añadida al programa.", "Session added to the programme."),
    PrgListTitle => ("Días y sesiones", "Days and sessions"),
    PrgEmpty => ("El programa aún no tiene sesiones. Añada la primera con el formulario.", "The programme has no sessions yet. Add the first one with the form."),
    PrgEmptyParticipant => ("El equipo facilitador aún no ha publicado el programa.", "The facilitators have not published the programme yet."),
    PrgEdit => ("Editar esta sesión", "Edit this session"),
    PrgEditSubmit => ("Guardar los cambios", "Save the changes"),
    PrgDelete => ("Eliminar la sesión", "Delete the session"),
    PrgFieldTitle => ("Título de la sesión", "Session title"),
    PrgFieldDay => ("Día", "Day"),
    PrgFieldStarts => ("Empieza", "Starts"),
    PrgFieldEnds => ("Termina", "Ends"),
    PrgFieldZone => ("Zona horaria", "Time zone"),
    PrgZoneHint => (
        "Nombre de la zona, p. ej. America/Guayaquil (Ecuador continental) o Pacific/Galapagos. Las horas se muestran en esta zona.",
        "The zone's name, e.g. America/Guayaquil (mainland Ecuador) or Pacific/Galapagos. Times are shown in this zone."
    ),
    PrgFieldPanelists => ("Panelistas", "Panelists"),
    PrgPanelistsHint => ("Uno por línea, con su institución si quiere (hasta {n}).", "One per line, with their institution if you like (up to {n})."),
    PrgFieldPhase => ("Fase del taller de esta sesión", "Workshop phase of this session"),
    PrgPhaseNone => ("Ninguna", "None"),
    PrgPhaseHint => (
        "Si la elige, mientras la sesión esté en curso la página de preparación le propondrá pasar a esa fase.",
        "If you choose one, while the session is on the set-up page will offer to move to that phase."
    ),
    PrgFieldCall => ("Enlace de la videollamada", "Video-call link"),
    PrgLinkHint => ("Opcional. Debe empezar por https:// o http://.", "Optional. It must start with https:// or http://."),
    PrgFieldMaterials => ("Materiales", "Materials"),
    PrgMaterialsHint => ("Hasta {n} materiales, cada uno con un título y un enlace https:// o http://.", "Up to {n} materials, each with a title and an https:// or http:// link."),
    PrgMaterialTitle => ("Título del material {n}", "Title of material {n}"),
    PrgMaterialLink => ("Enlace del material {n}", "Link of material {n}"),
    PrgPanelists => ("Panelistas:", "Panelists:"),
    PrgPhase => ("Fase:", "Phase:"),
    PrgMaterials => ("Materiales:", "Materials:"),
    PrgJoinCall => ("Unirse a la llamada", "Join the call"),
    PrgHomeTitle => ("Programa", "Programme"),
    PrgNow => ("Ahora", "Now"),
    PrgNext => ("Después", "Next"),
    PrgNothingNow => ("No hay ninguna sesión en curso.", "No session is on right now."),
    PrgNothingNext => ("No quedan más sesiones en el programa.", "No more sessions in the programme."),
    PrgFull => ("Ver el programa completo", "See the full programme"),
    PrgBack => ("Volver", "Back"),
    PrgFollowTitle => ("Seguir el programa", "Follow the programme"),
    PrgFollowSays => ("El programa dice: {phase} ahora (sesión «{session}»).", "The programme says: {phase} now (session “{session}”)."),
    PrgFollowSwitch => ("Cambiar a esta fase", "Switch to this phase"),
    PrgFollowStep => ("Las fases avanzan de una en una: pasar a {phase}", "Phases move one step at a time: move to {phase}"),
    PrgMonday => ("Lunes", "Monday"),
    PrgTuesday => ("Martes", "Tuesday"),
    PrgWednesday => ("Miércoles", "Wednesday"),
    PrgThursday => ("Jueves", "Thursday"),
    PrgFriday => ("Viernes", "Friday"),
    PrgSaturday => ("Sábado", "Saturday"),
    PrgSunday => ("Domingo", "Sunday"),
    PrgErrTitleEmpty => ("Escriba el título de la sesión.", "Type the session's title."),
    PrgErrTitleLong => ("El título debe caber en una línea de hasta 200 caracteres.", "The title must fit on one line of up to 200 characters."),
    PrgErrDay => ("Elija un día válido (año, mes y día).", "Choose a valid day (year, month and day)."),
    PrgErrTime => ("Escriba la hora como hh:mm, p. ej. 09:30.", "Type the time as hh:mm, e.g. 09:30."),
    PrgErrEndBeforeStart => ("La sesión debe terminar después de empezar, el mismo día.", "The session must end after it starts, on the same day."),
    PrgErrZone => ("No conocemos esa zona horaria. Use un nombre como America/Guayaquil.", "We do not know that time zone. Use a name such as America/Guayaquil."),
    PrgErrPanelists => ("Hasta 12 panelistas, uno por línea, de hasta 120 caracteres cada uno.", "Up to 12 panelists, one per line, of up to 120 characters each."),
    PrgErrPhase => ("Elija una de las fases del taller, o ninguna.", "Choose one of the workshop's phases, or none."),
    PrgErrLink => ("El enlace debe ser una dirección web completa que empiece por https:// o http://.", "The link must be a full web address starting with https:// or http://."),
    PrgErrMaterialTitle => ("Cada material necesita un título.", "Each material needs a title."),
    PrgErrTextLong => ("El texto es demasiado largo.", "The text is too long."),
    PrgErrTooMany => ("El programa ya tiene el máximo de 200 sesiones.", "The programme already has the maximum of 200 sessions."),

    // Implementation needs: keys go below this line (prefix Need).
    NeedTitle => ("Lo que necesitamos para implementarlas", "What we need to implement them"),
    NeedIntro => (
        "Anote qué le falta a su equipo para poner en marcha sus acciones (una norma, presupuesto, personal, tecnología, datos, respaldo político o aliados) y qué acciones desbloquearía. El equipo facilitador verá cuántos equipos comparten cada necesidad.",
        "Write down what your team lacks to put its actions into practice (a regulation, budget, staff, technology, data, political backing or partners) and which actions it would unblock. The facilitators will see how many teams share each need."
    ),
    NeedReadOnly => (
        "Las necesidades se registran durante la priorización y la hoja de ruta; ahora solo pueden leerse.",
        "Needs are recorded during prioritisation and the roadmap; for now they can only be read."
    ),
    NeedNone => ("Su equipo todavía no ha registrado necesidades.", "Your team has not recorded any needs yet."),
    NeedKind => ("Tipo de necesidad", "Kind of need"),
    NeedKindChoose => ("— Elija un tipo —", "— Choose a kind —"),
    NeedKindsHelp => ("¿Qué incluye cada tipo?", "What does each kind cover?"),
    NeedKindLegal => ("Legal o normativa", "Legal or regulatory"),
    NeedKindBudget => ("Presupuesto", "Budget"),
    NeedKindStaffSkills => ("Personal y capacidades", "Staff and skills"),
    NeedKindTechnology => ("Tecnología", "Technology"),
    NeedKindData => ("Datos", "Data"),
    NeedKindPoliticalSupport => ("Respaldo político", "Political support"),
    NeedKindPartnerships => ("Alianzas", "Partnerships"),
    NeedKindLegalHint => (
        "Una ordenanza, un reglamento, una resolución o un cambio de norma.",
        "An ordinance, a regulation, a resolution or a change in the rules."
    ),
    NeedKindBudgetHint => (
        "Una partida presupuestaria, cofinanciamiento o fondos de cooperación.",
        "A budget line, co-financing or cooperation funds."
    ),
    NeedKindStaffSkillsHint => (
        "Personas para hacerlo y lo que deben saber: contratación, capacitación.",
        "People to do it and what they need to know: hiring, training."
    ),
    NeedKindTechnologyHint => (
        "Programas, plataformas, equipos o conectividad.",
        "Software, platforms, equipment or connectivity."
    ),
    NeedKindDataHint => (
        "Datos que hay que levantar, ordenar, mejorar o publicar.",
        "Data to be collected, organised, improved or published."
    ),
    NeedKindPoliticalSupportHint => (
        "El respaldo de la autoridad: la prefectura, el consejo, la dirección.",
        "Backing from the authorities: the prefect, the council, management."
    ),
    NeedKindPartnershipsHint => (
        "Aliados: otros gobiernos, universidades, sociedad civil, cooperación internacional.",
        "Partners: other governments, universities, civil society, international cooperation."
    ),
    NeedDescription => ("Qué se necesita exactamente", "What exactly is needed"),
    NeedDescriptionHint => (
        "Por ejemplo: «Capacitar a cinco técnicos en publicación de datos abiertos». Hasta 1.000 caracteres.",
        "For example: \"Train five officers in publishing open data\". Up to 1,000 characters."
    ),
    NeedUnblocks => ("Acciones que desbloquea", "Actions it unblocks"),
    NeedUnblocksHelp => (
        "Marque las acciones de su equipo que no pueden avanzar sin esto.",
        "Tick your team's actions that cannot go ahead without it."
    ),
    NeedUnblocksNone => ("ninguna acción vinculada", "no action linked"),
    NeedNoActions => (
        "Su equipo aún no tiene acciones: registre la necesidad y vincúlela después.",
        "Your team has no actions yet: record the need and link it later."
    ),
    NeedAddTitle => ("Registrar una necesidad", "Record a need"),
    NeedAddSubmit => ("Guardar la necesidad", "Save the need"),
    NeedEdit => ("Editar", "Edit"),
    NeedEditSubmit => ("Guardar cambios", "Save changes"),
    NeedDelete => ("Eliminar", "Delete"),
    NeedDeleteConfirm => (
        "¿Eliminar esta necesidad? Las acciones no se borran.",
        "Delete this need? The actions are not deleted."
    ),
    NeedDeleteSubmit => ("Sí, eliminar", "Yes, delete"),
    NeedErrKind => (
        "Elija un tipo de necesidad de la lista.",
        "Choose a kind of need from the list."
    ),
    NeedErrDescriptionEmpty => ("Describa qué se necesita.", "Describe what is needed."),
    NeedErrDescriptionTooLong => (
        "La descripción admite hasta 1.000 caracteres.",
        "The description may have up to 1,000 characters."
    ),
    NeedErrDescriptionInvalid => (
        "La descripción contiene caracteres no válidos.",
        "The description contains characters that are not allowed."
    ),
    NeedErrOtherAction => (
        "Solo puede vincular acciones de su propio equipo.",
        "You can only link your own team's actions."
    ),
    NeedErrClosed => (
        "Las necesidades solo pueden cambiarse durante la priorización y la hoja de ruta.",
        "Needs can only be changed during prioritisation and the roadmap."
    ),
    NeedErrStale => (
        "Otra persona del equipo cambió esta necesidad mientras tanto: recargue la página y vuelva a intentarlo.",
        "Someone else in the team changed this need meanwhile: reload the page and try again."
    ),
    NeedDashTitle => ("Necesidades de implementación", "Implementation needs"),
    NeedDashRule => (
        "Para cada tipo: cuántos equipos registraron al menos una necesidad de ese tipo, sobre el total de equipos del taller (un equipo con varias necesidades del mismo tipo cuenta una vez).",
        "For each kind: how many teams recorded at least one need of that kind, out of every team in the workshop (a team with several needs of one kind counts once)."
    ),
    NeedDashNone => ("Ningún equipo ha registrado necesidades todavía.", "No team has recorded any needs yet."),
    NeedSentence => ("{n} de {m} equipos necesitan: {kind}", "{n} of {m} teams need: {kind}"),
    NeedSentenceOne => ("{n} de {m} equipos necesita: {kind}", "{n} of {m} teams needs: {kind}"),
    NeedChartTitle => ("Equipos que necesitan cada tipo de apoyo", "Teams needing each kind of support"),
    NeedChartSeries => ("Equipos", "Teams"),
    NeedTableCaption => ("Necesidades de implementación por tipo", "Implementation needs by kind"),
    NeedColKind => ("Tipo", "Kind"),
    NeedColTeams => ("Equipos que lo necesitan", "Teams needing it"),
    NeedColOutOf => ("Equipos en total", "Teams in all"),
    NeedColShare => ("% de los equipos", "% of teams"),
    NeedColWhich => ("Cuáles", "Which"),
    NeedDescriptionsTitle => ("Lo que pidió cada equipo", "What each team asked for"),
    NeedSheet => ("Necesidades", "Needs"),
    NeedReadmeText => (
        "Necesidades: una fila por necesidad de implementación que registró un equipo, con su tipo y las acciones que desbloquea.",
        "Needs: one row per implementation need a team recorded, with its kind and the actions it unblocks."
    ),
    NeedMdNone => ("No se registraron necesidades.", "No needs were recorded."),
    NeedCommitmentNeeds => ("Necesidades para implementarlo", "Needs to implement it"),
    NeedCommitmentNone => ("ninguna registrada", "none recorded"),
}

/// The language of the page being rendered, as provided by [`crate::shell::App`].
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_default()
}

/// Finds the language of the current page: on the server from the request (cookie, then
/// `Accept-Language`), in the browser from `<html lang>`, which the server wrote.
pub fn detect_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .map(|parts| lang_of_request(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The language a request asks for: the language cookie, then `Accept-Language`.
#[cfg(feature = "ssr")]
pub fn lang_of_request(headers: &http::HeaderMap) -> Lang {
    let joined = |name: http::header::HeaderName| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let cookies = joined(http::header::COOKIE);
    let chosen = cookie::Cookie::split_parse(cookies.as_str())
        .filter_map(Result::ok)
        .find(|c| c.name() == LANG_COOKIE)
        .map(|c| c.value().to_owned());
    Lang::negotiate(
        chosen.as_deref(),
        Some(&joined(http::header::ACCEPT_LANGUAGE)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_browser() {
        assert_eq!(
            Lang::negotiate(Some("en"), Some("es-EC,es;q=0.9")),
            Lang::En
        );
    }

    #[test]
    fn browser_preference_order_is_respected() {
        assert_eq!(
            Lang::negotiate(None, Some("fr-FR,en-US;q=0.8,es;q=0.5")),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(None, Some("en;q=0.2, es-EC;q=0.9")),
            Lang::Es
        );
    }

    #[test]
    fn unknown_or_missing_means_spanish() {
        assert_eq!(Lang::negotiate(Some("xx"), Some("de")), Lang::Es);
        assert_eq!(Lang::negotiate(None, None), Lang::Es);
        assert_eq!(Lang::negotiate(None, Some("")), Lang::Es);
    }

    #[test]
    fn keys_travel_as_their_names() {
        assert_eq!(
            serde_json::to_string(&Key::ErrNotFound).unwrap(),
            r#""ErrNotFound""#
        );
        for key in Key::ALL {
            let json = serde_json::to_string(key).unwrap();
            assert_eq!(json, format!("\"{key:?}\""));
            assert_eq!(serde_json::from_str::<Key>(&json).unwrap(), *key);
        }
        assert!(serde_json::from_str::<Key>(r#""NoSuchKey""#).is_err());
        assert!(serde_json::from_str::<Key>("3").is_err());
    }

    #[test]
    fn every_message_is_translated() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !lang.t(*key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }
}
