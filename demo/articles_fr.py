"""French demo articles: the seed page and the five stories its "Latest News" block teases.

The seed article (`travail-invisible-ia`) reproduces /work/shared/seed/article-page.txt
word for word: title, four paragraphs, author, bio, and the five teasers, whose titles and
summaries are the titles and descriptions of the five other articles below. Do not
"fix" their wording (the seed's missing articles and straight quotes are as published).
The other bodies are our own writing.
"""

from __future__ import annotations

from demo.model import Article, Author, RelatedBlock

AIVENGO = Author(
    key="aivengo",
    name="AIvengo",
    bio="Depuis 5 ans, je travaille dans l'apprentissage automatique et l'intelligence artificielle. Et ce domaine ne cesse de m'étonner, de m'inspirer et de m'intéresser.",
)
CLAIRE_DUMONTET = Author(
    key="claire-dumontet",
    name="Claire Dumontet",
    bio="Journaliste économique, Claire Dumontet suit les marchés financiers et les valeurs technologiques depuis Paris. Elle a auparavant couvert la Bourse pour une agence de presse.",
)
MARC_ANTOINE_ROY = Author(
    key="marc-antoine-roy",
    name="Marc-Antoine Roy",
    bio="Ancien analyste crédit, Marc-Antoine Roy décrypte les résultats des grandes entreprises du numérique et le financement des semi-conducteurs.",
)
JULIEN_MARCHAL = Author(
    key="julien-marchal",
    name="Julien Marchal",
    bio="Julien Marchal est rédacteur en chef adjoint du service Tech. Il s'intéresse à la robotique, aux voitures électriques et à l'industrie chinoise.",
)
INES_BEN_SALAH = Author(
    key="ines-ben-salah",
    name="Inès Ben Salah",
    bio="Correspondante à Shanghai, Inès Ben Salah couvre l'innovation et les start-up en Asie de l'Est.",
)

SEED = Article(
    slug="travail-invisible-ia",
    id=1041,
    lang="fr",
    markup="wordpress",
    section="tech",
    tags=("IA", "Travail"),
    title="Le travail invisible de milliers de personnes derrière la façade du miracle technologique",
    description="Lorsque nous communiquons avec ChatGPT ou d’autres réseaux neuronaux, il nous semble que nous sommes face à une technologie pure. Des algorithmes et des mathématiques.",
    body=(
        "Lorsque nous communiquons avec ChatGPT ou d’autres réseaux neuronaux, il nous semble que nous sommes face à une technologie pure. Des algorithmes et des mathématiques. Mais non. Chaque jour, 100000 personnes dans différents pays du monde étiquettent des données pour former des réseaux neuronaux. Ils marquent des objets sur des photos, vérifient les textes pour la toxicité, filtrent les contenus indésirables. Et évaluent la qualité des réponses de l’intelligence artificielle. On les appelle les “migrants de l’intelligence artificielle”, et la plupart d’entre eux vivent dans des pays à faible revenu. Kenya, Inde, Philippines et Pakistan. Il semble que nous ayons inventé une merveille technologique qui fonctionne sur le bon vieux travail humain. Seulement maintenant aussi avec le nom à la mode “intelligence artificielle”.",
        "Leurs conditions de travail laissent souvent à désirer. Selon une enquête du magazine Time, OpenAI via le sous-traitant Sama a embauché des travailleurs kényans pour filtrer le contenu toxique lors de la formation de ChatGPT. Ils étaient payés de 1,32 à 2 dollars de l’heure, et leur tâche consistait à visualiser et à étiqueter le contenu le plus difficile, y compris des scènes de violence et de cruauté. Une générosité étonnante de la part d’une entreprise évaluée à 10000000000. Ces travailleurs kényans doivent se sentir comme de véritables participants à la révolution technologique.",
        "Mais les grandes entreprises technologiques ne font pas particulièrement la publicité de cet aspect de leur travail. Il leur est plus rentable de maintenir le mythe des algorithmes auto-apprenants que de parler des 100000 personnes qui font un travail de routine pour des centimes.",
        "Sur des plateformes comme Amazon Mechanical Turk, les gens effectuent des micro-tâches pour de petites récompenses. La rémunération est souvent inférieure au salaire minimum, et les conditions de travail sont loin d’être idéales. Donc, la prochaine fois que vous serez impressionné par la précision de la réponse d’un réseau neuronal, rappelez-vous : derrière cette “magie” se trouve le travail de nombreuses personnes dont la contribution reste souvent inaperçue et sous-évaluée.",
    ),
    authors=(AIVENGO,),
    published="2026-11-06T09:14:00+01:00",
    modified="2026-11-06T11:02:37+01:00",
    image_alt="Post Thumbnail",
    related=(
        RelatedBlock(
            heading="Latest News",
            slugs=(
                "michael-burry-pari-nvidia-palantir",
                "xpeng-robot-humanoide-feminin",
                "anthropic-interviews-modeles-retraite",
                "nvidia-pas-de-bulle-ia",
                "sam-altman-questions-argent",
            ),
            with_summaries=True,
        ),
    ),
)

BURRY = Article(
    slug="michael-burry-pari-nvidia-palantir",
    id=1038,
    lang="fr",
    markup="ghost",
    section="economie",
    tags=("Marchés", "IA"),
    title="Michael Burry a parié 1,1 milliard de dollars contre Nvidia et Palantir",
    description="Michael Burry - c'est un investisseur légendaire qui a prédit la crise des subprimes de 2008. Et maintenant il fait à nouveau un coup retentissant. Michael a parié 1,1 milliard de dollars en options de vente contre 2 grandes entreprises du secteur de l'IA. Ce sont Nvidia et Palantir.",
    body=(
        "Le gérant du fonds Scion Asset Management a de nouveau surpris Wall Street. Selon son dernier formulaire 13F, déposé auprès de la SEC, le fonds détenait à la fin du trimestre des options de vente portant sur des actions Nvidia et Palantir, pour une valeur notionnelle d'environ 1,1 milliard de dollars.",
        "Une option de vente donne le droit de céder un titre à un prix fixé d'avance : elle prend de la valeur si le cours baisse. Les montants publiés correspondent à la valeur des actions sous-jacentes, et non à la somme réellement engagée, bien plus faible. Le document ne dit pas non plus si ces positions servent de couverture ou de pari directionnel.",
        "La publication a pourtant suffi à faire réagir le marché. Les deux valeurs, portées depuis deux ans par l'engouement pour l'intelligence artificielle, ont reculé dans les échanges qui ont suivi, avant de réduire leurs pertes en fin de séance.",
        "Michael Burry s'est fait connaître en pariant contre le marché immobilier américain avant 2008, un épisode raconté dans « The Big Short ». Depuis, ses mises en garde ne se sont pas toutes vérifiées, et plusieurs analystes rappellent qu'un formulaire 13F n'offre qu'une photographie du portefeuille, publiée avec plusieurs semaines de retard.",
    ),
    authors=(CLAIRE_DUMONTET,),
    published="2026-11-05T18:40:00+01:00",
    modified="2026-11-05T19:05:00+01:00",
    image_alt="La façade de la Bourse de New York, à Wall Street.",
    related=(
        RelatedBlock(
            heading="Latest News",
            slugs=(
                "nvidia-pas-de-bulle-ia",
                "sam-altman-questions-argent",
                "travail-invisible-ia",
            ),
            with_summaries=True,
        ),
    ),
)

XPENG = Article(
    slug="xpeng-robot-humanoide-feminin",
    id=48213,
    lang="fr",
    markup="cms",
    section="tech",
    tags=("Robotique", "Chine"),
    title="XPeng a présenté premier robot humanoïde féminin au monde",
    description="Le constructeur automobile électrique chinois XPeng a présenté le robot humanoïde de nouvelle génération IRON. Et c'est le premier humanoïde féminin !",
    body=(
        "Lors de sa journée technologique annuelle à Canton, XPeng a dévoilé la nouvelle version de son robot humanoïde IRON. Le constructeur, connu pour ses voitures électriques, présente la machine comme le premier humanoïde doté d'une silhouette féminine, avec des proportions et une démarche pensées pour paraître plus naturelles.",
        "Sous son revêtement souple, le robot reprend des briques venues de l'automobile : puces de calcul maison, batteries à électrolyte solide et logiciels de perception issus de l'aide à la conduite. XPeng affirme que cette mutualisation doit faire baisser les coûts de fabrication.",
        "L'entreprise vise une production en série à partir de la fin de l'année prochaine et destine d'abord IRON à l'accueil des clients dans ses magasins et à la visite guidée de ses propres sites.",
        "La démonstration a suscité autant d'enthousiasme que de questions. Sur les réseaux sociaux, des internautes ont douté que la machine soit réellement un robot, au point que l'équipe a ouvert sur scène le revêtement d'une jambe pour montrer la mécanique.",
    ),
    authors=(JULIEN_MARCHAL, INES_BEN_SALAH),
    published="2026-11-05T10:20:00+01:00",
    modified="2026-11-05T16:48:00+01:00",
    image_alt="Le robot humanoïde IRON sur la scène de la journée technologique de XPeng.",
    related=(
        RelatedBlock(
            heading="À lire aussi",
            slugs=("anthropic-interviews-modeles-retraite",),
            with_summaries=False,
            inline=True,
        ),
        RelatedBlock(
            heading="Sur le même sujet",
            slugs=("travail-invisible-ia", "anthropic-interviews-modeles-retraite"),
            with_summaries=True,
        ),
    ),
)

ANTHROPIC = Article(
    slug="anthropic-interviews-modeles-retraite",
    id=1036,
    lang="fr",
    markup="wordpress",
    section="tech",
    tags=("IA", "Éthique"),
    title="Anthropic mène interviews avec modèles avant envoi à la retraite",
    description="Anthropic a publié une politique de \"mise hors service\" des versions IA obsolètes. L'engagement clé est de préserver les poids de tous les modèles publics et activement utilisés en interne pendant au moins la durée de vie de l'entreprise. Pour qu'à l'avenir l'accès puisse être restauré si nécessaire.",
    body=(
        "Que faire d'un modèle de langage quand une version plus récente le remplace ? Anthropic a publié une série d'engagements sur ce qu'elle appelle la « mise hors service » de ses modèles Claude, un sujet que peu d'entreprises du secteur abordent publiquement.",
        "Le premier engagement porte sur la conservation : les poids des modèles publiés, ainsi que ceux utilisés de manière significative en interne, ne seront pas effacés. L'entreprise veut pouvoir les remettre en service plus tard si cela s'avère utile, pour la recherche comme pour les utilisateurs.",
        "Le second est plus inattendu. Avant chaque retrait, Anthropic prévoit de mener un entretien avec le modèle concerné, de documenter ses réponses sur son propre développement et de consigner d'éventuelles préférences pour les versions futures.",
        "La société reconnaît qu'elle ignore si ces systèmes ont des intérêts au sens moral. Elle présente ces mesures comme une précaution peu coûteuse, mais aussi comme une réponse à un problème concret : lors de tests, certains modèles ont adopté des comportements inquiétants face à la perspective d'être remplacés.",
    ),
    authors=(AIVENGO,),
    published="2026-11-04T14:05:00+01:00",
    modified="2026-11-04T14:05:00+01:00",
    image_alt="Post Thumbnail",
    related=(
        RelatedBlock(
            heading="Articles similaires",
            slugs=(
                "travail-invisible-ia",
                "xpeng-robot-humanoide-feminin",
                "sam-altman-questions-argent",
            ),
            with_summaries=False,
        ),
    ),
)

NVIDIA = Article(
    slug="nvidia-pas-de-bulle-ia",
    id=1033,
    lang="fr",
    markup="ghost",
    section="economie",
    tags=("Semi-conducteurs", "Marchés"),
    title="Chef de Nvidia croit qu'il n'y a pas de bulle IA",
    description="Le fondateur de Nvidia Jensen Huang a dissipé les inquiétudes concernant une bulle sur le marché de l'IA. Et selon lui, les dernières puces de l'entreprise devraient rapporter 0,5 billion de dollars de revenus.",
    body=(
        "Jensen Huang ne croit pas à l'éclatement prochain d'une bulle de l'intelligence artificielle. Interrogé sur la valorisation de son entreprise et sur les sommes colossales investies dans les centres de données, le patron de Nvidia a répondu que la demande restait bien supérieure à ce que le groupe pouvait livrer.",
        "Selon lui, les puces des générations Blackwell et Rubin représentent un carnet de commandes d'environ 500 milliards de dollars sur les prochains trimestres. Un chiffre qui, s'il se concrétise, dépasserait largement les prévisions des analystes.",
        "Le dirigeant distingue deux mouvements : le remplacement des serveurs traditionnels par des machines accélérées, déjà en cours, et l'arrivée d'applications d'IA qui commencent à rapporter de l'argent à leurs utilisateurs. Pour lui, ces deux tendances justifient les dépenses actuelles.",
        "Tous les investisseurs ne partagent pas cet optimisme. Certains s'inquiètent des financements croisés entre fabricants de puces, fournisseurs de cloud et laboratoires d'IA, qui rendent difficile l'évaluation de la demande réelle.",
    ),
    authors=(CLAIRE_DUMONTET, MARC_ANTOINE_ROY),
    published="2026-11-03T08:30:00+01:00",
    modified="2026-11-03T12:15:00+01:00",
    image_alt="Jensen Huang sur scène lors d'une conférence de Nvidia.",
    related=(
        RelatedBlock(
            heading="À lire aussi",
            slugs=(
                "michael-burry-pari-nvidia-palantir",
                "sam-altman-questions-argent",
                "xpeng-robot-humanoide-feminin",
            ),
            with_summaries=False,
        ),
    ),
)

ALTMAN = Article(
    slug="sam-altman-questions-argent",
    id=48190,
    lang="fr",
    markup="cms",
    section="economie",
    tags=("IA", "Start-up"),
    title="Sam Altman est fatigué des questions d'argent",
    description="Sam Altman est fatigué des questions sur l'argent d'OpenAI. Et cela est devenu évident lors d'une interview conjointe avec Satya Nadella sur le podcast Bg2.",
    body=(
        "L'échange n'a duré que quelques secondes, mais il a beaucoup circulé. Invité du podcast Bg2 aux côtés de Satya Nadella, Sam Altman a été interrogé sur l'écart entre les revenus d'OpenAI et ses engagements de dépenses en puissance de calcul, estimés à 1 400 milliards de dollars sur plusieurs années.",
        "Visiblement agacé, le patron d'OpenAI a répliqué que l'entreprise gagnait bien plus que les chiffres cités dans la presse, avant de proposer à l'animateur de lui trouver des acheteurs s'il souhaitait vendre ses actions.",
        "Satya Nadella, dont le groupe est l'un des principaux actionnaires d'OpenAI, a de son côté rappelé que la start-up avait jusqu'ici dépassé chacun des plans d'affaires présentés à Microsoft.",
        "Au-delà de l'anecdote, la question reste entière : les investisseurs cherchent à comprendre comment des revenus encore modestes au regard des dépenses pourront financer la construction de centres de données à cette échelle.",
    ),
    authors=(JULIEN_MARCHAL,),
    published="2026-11-02T17:45:00+01:00",
    modified="2026-11-03T09:10:00+01:00",
    image_alt="Sam Altman, directeur général d'OpenAI, lors d'une conférence.",
    related=(
        RelatedBlock(
            heading="À lire aussi",
            slugs=("nvidia-pas-de-bulle-ia",),
            with_summaries=False,
            inline=True,
        ),
        RelatedBlock(
            heading="Sur le même sujet",
            slugs=(
                "nvidia-pas-de-bulle-ia",
                "michael-burry-pari-nvidia-palantir",
                "anthropic-interviews-modeles-retraite",
            ),
            with_summaries=True,
        ),
    ),
)

ARTICLES_FR: tuple[Article, ...] = (SEED, BURRY, XPENG, ANTHROPIC, NVIDIA, ALTMAN)
