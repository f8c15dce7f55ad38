<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../ui/labels.py" line="+60"/>
        <source>Worklist</source>
        <comment>Potentially unemployed: no pension or tax contributions for months</comment>
        <extracomment>colours of states and badges, each at least 4.5:1 against white and the window&apos;s grey (WCAG AA for text), as ``tests/ui/test_accessibility.py`` computes secondary text (hints, empty states): still 4.5:1 on the window&apos;s grey the flag badges, in the order they are drawn</extracomment>
        <translation>Potentiellement sans emploi : aucune cotisation de retraite ni d&apos;impôt depuis des mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worklist</source>
        <comment>Verify at visit: no link to pension, tax or education records</comment>
        <translation>À vérifier lors de la visite : aucun lien avec les fichiers de retraite, d&apos;impôt ou d&apos;éducation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worklist</source>
        <comment>Returned by supervisor for correction</comment>
        <translation>Renvoyé par le superviseur pour correction</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>Worklist</source>
        <comment>U</comment>
        <translation>
            <numerusform>S</numerusform>
            <numerusform>S</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Worklist</source>
        <comment>V</comment>
        <translation>
            <numerusform>V</numerusform>
            <numerusform>V</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Worklist</source>
        <comment>R</comment>
        <translation>
            <numerusform>R</numerusform>
            <numerusform>R</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../ui/alerts.py" line="+48"/>
        <source>English</source>
        <extracomment>the names an alert carries, in each message language: offices by their pattern, the ESS catalogue&apos;s programmes by their English name (a name not listed is sent as it is)</extracomment>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No phone number on record</source>
        <translation>Aucun numéro de téléphone enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number not in international form</source>
        <translation>Numéro de téléphone pas au format international</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused contact by this channel</source>
        <translation>A refusé d&apos;être contacté par ce canal</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&amp;Programme:</source>
        <translation>&amp;Programme :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message:</source>
        <translation>&amp;Message :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview of each message</source>
        <translation>Aperçu de chaque message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message, or why it is not sent</source>
        <translation>Message, ou raison pour laquelle il n&apos;est pas envoyé</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+163"/>
        <source>Send a programme alert</source>
        <translation>Envoyer une alerte sur un programme</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>There are no programmes on this device yet. The programme list comes from the Employment Support System with the next sync.</source>
        <translation>Aucun programme n&apos;est encore enregistré sur cet appareil. La liste des programmes est fournie par le Système d&apos;appui à l&apos;emploi lors de la prochaine synchronisation.</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>Will receive this alert: %n.</source>
        <translation>
            <numerusform>Recevra cette alerte : %n.</numerusform>
            <numerusform>Recevront cette alerte : %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Left out because they cannot be reached: %n (listed first).</source>
        <translation>
            <numerusform>Exclu car injoignable : %n (en tête de liste).</numerusform>
            <numerusform>Exclus car injoignables : %n (en tête de liste).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&amp;Queue alerts (%n)</source>
        <translation>
            <numerusform>Mettre en &amp;file d&apos;attente (%n)</numerusform>
            <numerusform>Mettre en &amp;file d&apos;attente (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>Alerts queued: %n. They are sent through the Employment Support System at the next sync.</source>
        <translation>
            <numerusform>Alerte mise en file d&apos;attente : %n. Elle sera envoyée par le Système d&apos;appui à l&apos;emploi lors de la prochaine synchronisation.</numerusform>
            <numerusform>Alertes mises en file d&apos;attente : %n. Elles seront envoyées par le Système d&apos;appui à l&apos;emploi lors de la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-58"/>
        <source>The longest message has %n characters and will be sent as several SMS.</source>
        <translation>
            <numerusform>Le message le plus long compte %n caractère et sera envoyé en plusieurs SMS.</numerusform>
            <numerusform>Le message le plus long compte %n caractères et sera envoyé en plusieurs SMS.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BugReportDialog</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="+54"/>
        <source>Field Desk: unexpected error</source>
        <translation>Field Desk : erreur inattendue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong inside Field Desk. Work you saved before this is safe. Please copy the report below and send it to IT support with a few words on what you were doing.</source>
        <translation>Un problème est survenu dans Field Desk. Le travail que vous avez enregistré auparavant est en sécurité. Copiez le rapport ci-dessous et envoyez-le au support informatique en indiquant en quelques mots ce que vous faisiez.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../domain/codes.py" line="+22"/>
        <location line="+187"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>Permanent</source>
        <extracomment>what a visit records, each a situation a person can say yes to: the working ones first ESS EmploymentType</extracomment>
        <translation>Contrat à durée indéterminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed-term</source>
        <translation>Contrat à durée déterminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Casual</source>
        <translation>Occasionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal</source>
        <translation>Saisonnier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apprentice, trainee or intern</source>
        <translation>Apprenti, stagiaire ou en formation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismissed or made redundant</source>
        <extracomment>ESS UnemploymentReason</extracomment>
        <translation>Licenciement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job of limited duration ended</source>
        <translation>Fin d&apos;un emploi à durée limitée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal or family reasons</source>
        <translation>Raisons personnelles ou familiales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own illness or disability</source>
        <translation>Maladie ou handicap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education or training</source>
        <translation>Études ou formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirement</source>
        <translation>Retraite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Military or community service</source>
        <translation>Service militaire ou civique</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <location line="+55"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Working (how not recorded)</source>
        <extracomment>DCI EmploymentStatusEnum: &quot;1&quot; says only &quot;employed&quot;; 4 to 8 say how, and are what a visit records</extracomment>
        <translation>Au travail (forme non précisée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not working</source>
        <translation>Sans travail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working: employee, for a wage</source>
        <translation>Au travail : salarié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working: own business, with employees</source>
        <translation>Au travail : entreprise à soi, avec des employés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working: own account, no employees</source>
        <translation>Au travail : à son compte, sans employé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working: member of a cooperative</source>
        <translation>Au travail : membre d&apos;une coopérative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working: helping in a family business</source>
        <translation>Au travail : aide dans une entreprise familiale</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No schooling, or primary not completed</source>
        <extracomment>DCI EducationCode: ISCED 2011 levels of attainment, in words; level 0 of attainment (ISCED-A) is &quot;less than primary&quot;, which includes never having been to school</extracomment>
        <translation>Aucune scolarité, ou primaire non achevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary school</source>
        <translation>École primaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower secondary school</source>
        <translation>Collège (secondaire inférieur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper secondary school</source>
        <translation>Lycée (secondaire supérieur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-secondary vocational certificate</source>
        <translation>Certificat professionnel post-secondaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short tertiary course (2 years)</source>
        <translation>Études supérieures courtes (2 ans)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bachelor&apos;s degree or equivalent</source>
        <translation>Licence ou équivalent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Master&apos;s degree or equivalent</source>
        <translation>Master ou équivalent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctorate</source>
        <translation>Doctorat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active</source>
        <extracomment>ESS EnrolmentStatus</extracomment>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstated</source>
        <translation>Rétablie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting renewal</source>
        <translation>En attente de renouvellement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exited</source>
        <translation>Sortie du programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased</source>
        <translation>Décédé(e)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System record</source>
        <extracomment>statuses an enrolment can start with; the others (exited, deceased, reinstated ...) come later</extracomment>
        <translation>Fichier administratif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document seen</source>
        <translation>Justificatif consulté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-declared</source>
        <translation>Déclaration de la personne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Labour-ready</source>
        <translation>Prêt à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs training</source>
        <translation>Besoin de formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet known</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No link: verify at visit</source>
        <translation>Pas de lien : à vérifier lors de la visite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active contributions</source>
        <translation>Aucune cotisation en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active contributions</source>
        <translation>Cotisations en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record matched</source>
        <translation>Fiche retrouvée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified in the field</source>
        <translation>Vérifié sur le terrain</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed</source>
        <translation>Convenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>SMS</source>
        <extracomment>channels the ESS message gateway can deliver (a visit is logged, not sent)</extracomment>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automated call</source>
        <translation>Appel automatique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reached</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached, interested</source>
        <translation>Joint, intéressé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached, declined</source>
        <translation>Joint, a décliné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reached</source>
        <translation>Non joint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number or address</source>
        <translation>Numéro ou adresse erronés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved away</source>
        <translation>A déménagé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Employment counselling</source>
        <translation>Conseil en emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job search assistance</source>
        <translation>Aide à la recherche d&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral to training</source>
        <translation>Orientation vers une formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job placement</source>
        <translation>Placement en emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychosocial support</source>
        <translation>Soutien psychosocial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Childcare support</source>
        <translation>Aide à la garde d&apos;enfants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Civil documents assistance</source>
        <translation>Aide aux documents d&apos;état civil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash transfer referral</source>
        <translation>Orientation vers un transfert monétaire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Share data between SR and ESS</source>
        <translation>Partage des données entre le Registre social et le Système d&apos;appui à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact by SMS</source>
        <translation>Contact par SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact by WhatsApp</source>
        <translation>Contact par WhatsApp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact by automated call</source>
        <translation>Contact par appel automatique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Written, signed</source>
        <translation>Écrit et signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbal, witnessed</source>
        <translation>Oral, devant témoin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Never married</source>
        <extracomment>DCI MaritalStatusEnum</extracomment>
        <translation>Jamais marié(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Married</source>
        <translation>Marié(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Widowed</source>
        <translation>Veuf ou veuve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divorced</source>
        <translation>Divorcé(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legally separated</source>
        <translation>Séparé(e) légalement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulled</source>
        <translation>Mariage annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmarried</source>
        <translation>Non marié(e)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phone number</source>
        <extracomment>SR fields a field worker may ask the SR to correct</extracomment>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locality</source>
        <translation>Localité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marital status</source>
        <translation>Situation matrimoniale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Awaiting review</source>
        <translation>En attente de revue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for correction</source>
        <translation>Renvoyé pour correction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Employment counselor</source>
        <translation>Conseiller emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social case manager</source>
        <translation>Gestionnaire de cas social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planner</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Female</source>
        <extracomment>which plan items a role owns by default</extracomment>
        <translation>Femme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted</source>
        <translation>Contacté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan in progress</source>
        <translation>Plan en préparation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan agreed</source>
        <translation>Plan convenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>Inscrit</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../ui/demo.py" line="+37"/>
        <source>Finds, verifies, plans with and enrols the beneficiaries of an area</source>
        <translation>Trouve, vérifie, planifie avec et inscrit les bénéficiaires d&apos;une zone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writes the social goals of the same beneficiaries&apos; plans</source>
        <translation>Écrit les objectifs sociaux des plans des mêmes bénéficiaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews the updates of an office&apos;s counselors</source>
        <translation>Revoit les mises à jour des conseillers d&apos;un bureau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews the list of people with productive potential</source>
        <translation>Examine la liste des personnes à potentiel productif</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Field Desk demo: sign in</source>
        <translation>Démo Field Desk : connexion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This demo runs its own Social Registry and Employment Support System with invented people. Choose an account to see Field Desk as that person; the password of every demo account is “%1”.</source>
        <translation>Cette démo fait tourner son propre Registre social et son propre Système d&apos;appui à l&apos;emploi, avec des personnes inventées. Choisissez un compte pour voir Field Desk comme cette personne ; le mot de passe de chaque compte de démo est « %1 ».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo accounts</source>
        <translation>Comptes de démonstration</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Sign in</source>
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Could not sign in as %1: %2</source>
        <translation>Connexion impossible en tant que %1 : %2</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="+6"/>
        <source>Field Desk</source>
        <translation>Field Desk</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../ui/exports.py" line="+30"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>UIN</source>
        <translation>NIU</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Locality</source>
        <translation>Localité</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labour readiness</source>
        <translation>Aptitude à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+50"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Employment office</source>
        <translation>Agence pour l&apos;emploi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan status</source>
        <translation>État du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed on</source>
        <translation>Convenu le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>Prochain bilan</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+72"/>
        <source>Individual Social-Employment Plan</source>
        <translation>Plan individuel d&apos;insertion sociale et professionnelle</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Social goals</source>
        <translation>Objectifs sociaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment goals</source>
        <translation>Objectifs d&apos;emploi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None agreed yet.</source>
        <translation>Aucun objectif convenu pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed on {0}</source>
        <translation>Imprimé le {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Social case manager</source>
        <translation>Gestionnaire de cas social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment counselor</source>
        <translation>Conseiller emploi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By signing, we agree to work together on the goals above and to review them on the date given.</source>
        <translation>En signant, nous nous engageons à travailler ensemble sur les objectifs ci-dessus et à en faire le bilan à la date indiquée.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../ui/forms/base.py" line="+110"/>
        <source>Restored the entry you had not saved ({0}). Save it, or discard the draft.</source>
        <extracomment>each field&apos;s label (or check box) and its text with the mnemonic, before any &quot;*&quot;</extracomment>
        <translation>La saisie non enregistrée a été restaurée ({0}). Enregistrez-la ou supprimez le brouillon.</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+228"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Save (Ctrl+S or Enter)</source>
        <translation>Enregistrer (Ctrl+S ou Entrée)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc). An unsaved entry is kept as a draft.</source>
        <translation>Fermer (Échap). Une saisie non enregistrée est conservée comme brouillon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>UIN {0}</source>
        <translation>NIU {0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>* required · Ctrl+S saves · Esc closes · F1 help</source>
        <translation>* obligatoire · Ctrl+S enregistre · Échap ferme · F1 aide</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The entry could not be saved because of an error in Field Desk. It is kept as a draft, and the error has been reported.</source>
        <translation>La saisie n&apos;a pas pu être enregistrée à cause d&apos;une erreur dans Field Desk. Elle est conservée comme brouillon et l&apos;erreur a été signalée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/editors.py" line="+35"/>
        <location filename="../../ui/forms/entities.py" line="+189"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pick from a calendar (Alt+Down)</source>
        <translation>Choisir dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Type one, then press Enter to add it</source>
        <translation>Saisissez-en un, puis appuyez sur Entrée pour l&apos;ajouter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added (Delete removes the selected one)</source>
        <translation>Ajoutés (Suppr retire l&apos;élément sélectionné)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/entities.py" line="-147"/>
        <source>Employment verification</source>
        <translation>Vérification de l&apos;emploi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title</source>
        <translation>Poste occupé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started on</source>
        <translation>Début le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on</source>
        <translation>Fin le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for unemployment</source>
        <translation>Motif de l&apos;absence d&apos;emploi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pension or tax contributions seen</source>
        <translation>Cotisations de retraite ou d&apos;impôt constatées</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Document seen</source>
        <translation>Justificatif consulté</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Verified on</source>
        <translation>Vérifié le</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Education verification</source>
        <extracomment>asked only of someone working, and only of someone not working</extracomment>
        <translation>Vérification de la formation</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Work situation</source>
        <translation>Situation de travail</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind of contract</source>
        <translation>Type de contrat</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Highest level completed</source>
        <translation>Plus haut niveau achevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Diplômes et certificats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training needs</source>
        <translation>Besoins de formation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labour readiness</source>
        <translation>Aptitude à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outreach contact</source>
        <translation>Prise de contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of contact</source>
        <translation>Date du contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>Prochaine étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step due</source>
        <translation>Échéance de la prochaine étape</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Programme enrolment</source>
        <translation>Inscription à un programme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled on</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment status</source>
        <translation>État de l&apos;inscription</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There are no programmes on this device yet. The programme list comes from the Employment Support System with the next sync: connect, sync, then enrol.</source>
        <translation>Aucun programme n&apos;est encore enregistré sur cet appareil. La liste des programmes est fournie par le Système d&apos;appui à l&apos;emploi lors de la prochaine synchronisation : connectez-vous, synchronisez, puis inscrivez le bénéficiaire.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Service provided</source>
        <translation>Service fourni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provided on</source>
        <translation>Fourni le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The beneficiary gives consent</source>
        <translation>Le bénéficiaire donne son consentement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How consent was given</source>
        <translation>Forme du consentement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request a correction to the Social Registry</source>
        <translation>Demander une correction au Registre social</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Information to correct</source>
        <translation>Information à corriger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current value</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct value</source>
        <translation>Valeur correcte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct status</source>
        <extracomment>a correction of a coded field is chosen from its codes, never typed</extracomment>
        <translation>Situation exacte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason and proof seen</source>
        <translation>Motif et justificatif consulté</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In international form, e.g. +221771234567</source>
        <translation>Au format international, par ex. +221771234567</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Individual social-employment plan</source>
        <translation>Plan individuel d&apos;insertion sociale et professionnelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan status</source>
        <translation>État du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed on</source>
        <translation>Convenu le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>Prochain bilan</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Plan goal</source>
        <translation>Objectif du plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal type</source>
        <translation>Type d&apos;objectif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/help.py" line="+34"/>
        <source>The worklist</source>
        <extracomment>the help&apos;s pages in reading order: topic → title (the &quot;Help&quot; context)</extracomment>
        <translation>La liste de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A beneficiary&apos;s record</source>
        <translation>Le dossier d&apos;un bénéficiaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording a visit</source>
        <translation>Enregistrer une visite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan (ISEP)</source>
        <translation>Le plan (PISE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews by a supervisor</source>
        <translation>Les revues du superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme alerts</source>
        <translation>Les alertes de programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync and working offline</source>
        <translation>Synchronisation et travail hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in, switching user, signing out</source>
        <translation>Connexion, changement d&apos;utilisateur, déconnexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend: badges and sync states</source>
        <translation>Légende : badges et états de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Field Desk help</source>
        <extracomment>images the pages may show, drawn by the same code as the screens: ``icon:flag-&lt;key&gt;``, ``icon:sync-&lt;state&gt;``</extracomment>
        <translation>Aide de Field Desk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help topics</source>
        <translation>Sujets d&apos;aide</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Help page</source>
        <translation>Page d&apos;aide</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+40"/>
        <source>Plan</source>
        <extracomment>what a record is, as a person names it</extracomment>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan goal</source>
        <translation>Objectif du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment verification</source>
        <translation>Vérification de l&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education verification</source>
        <translation>Vérification de l&apos;éducation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service provided</source>
        <translation>Service fourni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme alert</source>
        <translation>Alerte de programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction to the Social Registry</source>
        <translation>Correction au Registre social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: new</source>
        <extracomment>what was done to it (the audit&apos;s and the outbox&apos;s verbs)</extracomment>
        <translation>%1 : nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1: changed</source>
        <translation>%1 : modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: resolved</source>
        <translation>%1 : résolu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: closed</source>
        <translation>%1 : clos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent again</source>
        <translation>Renvoyé</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/filter_panel.py" line="+33"/>
        <source>Potentially unemployed</source>
        <translation>Potentiellement sans emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify at visit</source>
        <translation>À vérifier lors de la visite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned by supervisor</source>
        <translation>Renvoyé par le superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting review</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to sync</source>
        <translation>En attente de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict to resolve</source>
        <translation>Conflit à résoudre</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+106"/>
        <source>Field Desk — %1</source>
        <translation>Field Desk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_pane.py" line="+81"/>
        <source>Search by name, UIN, phone or locality: two letters or more (Ctrl+F)</source>
        <extracomment>shortest search text that filters (the search index answers two characters and more quickly) a new result is in the model and the view has been asked to repaint (benchmarks wait on it) the person moved to another member&apos;s row the &quot;Clear search and filters&quot; button of the empty list &quot;shown of total members&quot;, with the selection: for the status bar</extracomment>
        <translation>Rechercher par nom, NIU, téléphone ou localité : deux lettres ou plus (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync  (F5)</source>
        <translation>Synchroniser  (F5)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Worklist</source>
        <translation>Liste de travail</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Clear search and filters</source>
        <translation>Effacer la recherche et les filtres</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="+29"/>
        <location filename="../../ui/worklist_pane.py" line="+31"/>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Passphrase-protected</source>
        <translation>Protégé par phrase secrète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secrets stored in the OS keyring</source>
        <translation>Secrets conservés dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The local database is encrypted with a key derived from your passphrase; the passphrase is not stored.</source>
        <translation>La base de données locale est chiffrée avec une clé dérivée de votre phrase secrète ; la phrase secrète n&apos;est pas conservée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local database is encrypted; its key is kept in this computer&apos;s secure keyring.</source>
        <translation>La base de données locale est chiffrée ; sa clé est conservée dans le trousseau sécurisé de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_pane.py" line="-7"/>
        <source>Fetching your worklist from the Social Registry and the Employment Support System…</source>
        <translation>Récupération de votre liste de travail auprès du Registre social et du Système d’appui à l’emploi…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+49"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export list as CSV…</source>
        <translation>&amp;Exporter la liste en CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the members shown, with the current search and filters</source>
        <translation>Enregistrer les membres affichés, avec la recherche et les filtres actuels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign &amp;out…</source>
        <translation>Se &amp;déconnecter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Member</source>
        <translation>&amp;Membre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;plan</source>
        <translation>Ouvrir le &amp;plan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send programme &amp;alert…</source>
        <translation>Envoyer une &amp;alerte programme…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert the selected members about a programme by SMS, WhatsApp or call</source>
        <translation>Informer les membres sélectionnés d’un programme par SMS, WhatsApp ou appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;panel</source>
        <translation>&amp;Panneau de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/filter_panel.py" line="+15"/>
        <location line="+10"/>
        <source>Areas and segments</source>
        <translation>Zones et segments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show only</source>
        <translation>Afficher seulement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case status</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any case status</source>
        <translation>Tous les états de dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labour readiness</source>
        <translation>Aptitude à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any labour readiness</source>
        <translation>Toutes les aptitudes à l&apos;emploi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-131"/>
        <source>Field Desk demo — %1</source>
        <extracomment>narrowest default widths of the filter panel and the member&apos;s record; the list takes the rest the worklist was written to a CSV file: (path, rows) the session ended (signed out, switched user, device removed), just before the window closes: the demo offers its accounts again closed to let another demo account in (the profile stays on this device)</extracomment>
        <translation>Démo Field Desk — %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>S&amp;witch user…</source>
        <translation>&amp;Changer d&apos;utilisateur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go back to the demo&apos;s accounts; nothing is removed</source>
        <translation>Revenir aux comptes de la démo ; rien n&apos;est supprimé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Vue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search the list</source>
        <translation>&amp;Rechercher dans la liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;list</source>
        <translation>La &amp;liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Areas and segments</source>
        <translation>&amp;Zones et segments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show &amp;only filters</source>
        <translation>Filtres « &amp;Afficher seulement »</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help for this screen</source>
        <translation>&amp;Aide de cet écran</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Legend: badges and sync states</source>
        <translation>&amp;Légende : badges et états de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Select the members to alert in the list first.</source>
        <translation>Sélectionnez d’abord dans la liste les membres à alerter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>worklist.csv</source>
        <translation>liste-de-travail.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the list as CSV</source>
        <translation>Exporter la liste en CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+54"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message numerus="yes">
        <location line="-52"/>
        <source>%n change(s) have not reached the server yet.</source>
        <translation>
            <numerusform>%n modification n’a pas encore atteint le serveur.</numerusform>
            <numerusform>%n modifications n’ont pas encore atteint le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync first (F5) to send them. To sign out now, save them to a file and hand it to your office; keep it on encrypted media.</source>
        <translation>Synchronisez d’abord (F5) pour les envoyer. Pour vous déconnecter maintenant, enregistrez-les dans un fichier et remettez-le à votre bureau ; gardez-le sur un support chiffré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export and sign out…</source>
        <translation>&amp;Exporter et se déconnecter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out and remove your worklist from this device?</source>
        <translation>Se déconnecter et retirer votre liste de travail de cet appareil ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You will need a connection to sign in again.</source>
        <translation>Il vous faudra une connexion pour vous reconnecter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the unsent changes</source>
        <translation>Enregistrer les modifications non envoyées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsent-changes.json</source>
        <translation>modifications-non-envoyees.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not sign out: %1. Nothing was removed from this device. Field Desk will close; open it again to continue your work.</source>
        <translation>Impossible de se déconnecter : %1. Rien n’a été retiré de cet appareil. Field Desk va se fermer ; rouvrez-le pour continuer votre travail.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Field Desk</source>
        <translation>Field Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This device was removed from your account by an administrator, and the local copy of your worklist has been deleted. Sign in again to continue.</source>
        <translation>Un administrateur a retiré cet appareil de votre compte, et la copie locale de votre liste de travail a été supprimée. Reconnectez-vous pour continuer.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n member(s) exported to %1</source>
        <translation>
            <numerusform>%n membre exporté vers %1</numerusform>
            <numerusform>%n membres exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="+25"/>
        <source>Last sync %1</source>
        <translation>Dernière synchronisation %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/worklist_pane.py" line="+92"/>
        <source>Your worklist is empty</source>
        <translation>Votre liste de travail est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No members are assigned to you on this device yet. Sync (F5) when you have a connection to fetch your list.</source>
        <translation>Aucun membre ne vous est encore attribué sur cet appareil. Synchronisez (F5) dès que vous avez une connexion pour récupérer votre liste.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No members match</source>
        <translation>Aucun membre ne correspond</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody on your worklist matches this search and these filters.</source>
        <translation>Personne dans votre liste de travail ne correspond à cette recherche et à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 of %Ln members</source>
        <translation>
            <numerusform>%1 sur %Ln membre</numerusform>
            <numerusform>%1 sur %Ln membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/filter_panel.py" line="+60"/>
        <source>All  (%1)</source>
        <translation>Tous  (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone on your worklist</source>
        <translation>Toutes les personnes de votre liste</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Region %1  (%2)</source>
        <translation>Région %1  (%2)</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../ui/plan_editor.py" line="+65"/>
        <source>(empty)</source>
        <extracomment>code lists of the plan fields a conflict can be about, to show labels and offer choices</extracomment>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit p&amp;lan…</source>
        <extracomment>the goal and its actions never get narrower than this: below it, the table scrolls sideways rather than breaking them one word per line</extracomment>
        <translation>Modifier le p&amp;lan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport PDF…</source>
        <translation>E&amp;xporter en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plan as a PDF to print and sign</source>
        <translation>Enregistrer le plan en PDF pour l&apos;imprimer et le faire signer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All goals</source>
        <translation>Tous les objectifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social goals</source>
        <translation>Objectifs sociaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment goals</source>
        <translation>Objectifs d&apos;emploi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>Affi&amp;cher :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd goal…</source>
        <translation>A&amp;jouter un objectif…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a goal (Ctrl+N)</source>
        <translation>Ajouter un objectif (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit goal…</source>
        <translation>Mo&amp;difier l&apos;objectif…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected goal (Enter)</source>
        <translation>Modifier l&apos;objectif sélectionné (Entrée)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goals of the plan</source>
        <translation>Objectifs du plan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No goals yet. Add the first social or employment goal agreed with the beneficiary.</source>
        <translation>Aucun objectif pour l&apos;instant. Ajoutez le premier objectif social ou d&apos;emploi convenu avec le bénéficiaire.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Plan of {0}</source>
        <translation>Plan de {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No plan yet. Agree the goals with the beneficiary, then add them here; the plan is started with the first goal.</source>
        <translation>Pas encore de plan. Convenez des objectifs avec le bénéficiaire, puis ajoutez-les ici ; le plan est créé avec le premier objectif.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Status: {0}</source>
        <translation>État : {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agreed on {0}</source>
        <translation>convenu le {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next review {0}</source>
        <translation>prochain bilan le {0}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone else changed the same thing while you were offline. Choose which value to keep.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié la même information pendant que vous étiez hors ligne. Choisissez la valeur à conserver.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Goal and field</source>
        <translation>Objectif et champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>Ma valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs</source>
        <translation>Leur valeur</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{0} (overdue)</source>
        <translation>{0} (en retard)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Plan {0}.pdf</source>
        <translation>Plan {0}.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the plan as PDF</source>
        <translation>Exporter le plan en PDF</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Resolve a conflict</source>
        <translation>Résoudre un conflit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value to keep for “{0}”:</source>
        <translation>Valeur à conserver pour « {0} » :</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../ui/record_view.py" line="+40"/>
        <source>&amp;Contact…</source>
        <translation>&amp;Contact…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employment verification…</source>
        <translation>Vérification de l&apos;&amp;emploi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;ducation verification…</source>
        <translation>Vérification de la &amp;formation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onsent…</source>
        <translation>C&amp;onsentement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service provided…</source>
        <translation>&amp;Service fourni…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En&amp;rolment in a programme…</source>
        <translation>&amp;Inscription à un programme…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction to the Social Re&amp;gistry…</source>
        <translation>Correction au Re&amp;gistre social…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note…</source>
        <translation>&amp;Note…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse</source>
        <translation>Conjoint(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other relative</source>
        <translation>Autre parent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queued at the gateway</source>
        <translation>En file d&apos;attente à la passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered</source>
        <translation>Non remis</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record something for this beneficiary</source>
        <translation>Enregistrer une information pour ce bénéficiaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;plan</source>
        <translation>Ouvrir le &amp;plan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Overview</source>
        <translation>Vue d&apos;ensem&amp;ble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pl&amp;an</source>
        <translation>Pl&amp;an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ac&amp;tivity</source>
        <translation>Ac&amp;tivité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H&amp;istory</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Revie&amp;ws</source>
        <translation>Rev&amp;ues</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This beneficiary is no longer on this device.</source>
        <translation>Ce bénéficiaire n&apos;est plus sur cet appareil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a member in the list</source>
        <translation>Choisissez un membre dans la liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their record, plan and history appear here.</source>
        <translation>Son dossier, son plan et son historique s’affichent ici.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>UIN {0}</source>
        <translation>NIU {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>born {0}</source>
        <translation>né(e) le {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no phone</source>
        <translation>pas de téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case: {0}</source>
        <translation>Dossier : {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on the worklist</source>
        <translation>dans la liste de travail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No household on record.</source>
        <translation>Aucun ménage enregistré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social Registry checks</source>
        <translation>Vérifications du Registre social</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No assignment received yet.</source>
        <translation>Aucune affectation reçue pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Potentially unemployed</source>
        <translation>Potentiellement sans emploi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify at visit</source>
        <translation>À vérifier lors de la visite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BPP list</source>
        <translation>Liste BPP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pension records</source>
        <translation>Fichiers de retraite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tax records</source>
        <translation>Fichiers fiscaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months without contributions</source>
        <translation>Mois sans cotisations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Education records</source>
        <translation>Fichiers de l&apos;éducation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Labour readiness</source>
        <translation>Aptitude à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred by</source>
        <translation>Orienté par</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Individual social-employment plan</source>
        <translation>Plan individuel d&apos;insertion sociale et professionnelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verifications at the visit</source>
        <translation>Vérifications lors de la visite</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No plan yet: open the Plan tab to agree the first goals.</source>
        <translation>Pas encore de plan : ouvrez l&apos;onglet Plan pour convenir des premiers objectifs.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open goals</source>
        <translation>Objectifs en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} social, {1} employment</source>
        <translation>{0} social(aux), {1} d&apos;emploi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Programme alerts</source>
        <translation>Alertes sur les programmes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrections asked of the Social Registry</source>
        <translation>Corrections demandées au Registre social</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supervisor reviews</source>
        <translation>Revues du superviseur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No reviews yet: a supervisor reviews each update once it is sent.</source>
        <translation>Aucune revue pour l’instant : un superviseur revoit chaque mise à jour une fois envoyée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes on this device</source>
        <translation>Modifications sur cet appareil</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing changed yet.</source>
        <translation>Aucune modification pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None recorded yet. New… (Alt+N) records one.</source>
        <translation>Rien d&apos;enregistré pour l&apos;instant. Nouveau… (Alt+N) en enregistre un.</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <location filename="../../ui/reviews.py" line="+36"/>
        <source>Plan</source>
        <extracomment>what was changed, as the supervisor reads it</extracomment>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan goal</source>
        <translation>Objectif du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment verification</source>
        <translation>Vérification de l’emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education verification</source>
        <translation>Vérification de la formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Updates to review</source>
        <translation>Mises à jour à revoir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No updates of this beneficiary to review.</source>
        <translation>Aucune mise à jour de ce bénéficiaire à revoir.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the author should correct (needed to return an update)</source>
        <translation>Ce que l’auteur doit corriger (obligatoire pour renvoyer une mise à jour)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Comment</source>
        <translation>Comm&amp;entaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>App&amp;rove</source>
        <translation>Appr&amp;ouver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ret&amp;urn to author</source>
        <translation>&amp;Renvoyer à l&apos;auteur</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+19"/>
        <source>Field Desk: settings</source>
        <translation>Field Desk : paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="+45"/>
        <source>As the system</source>
        <extracomment>the language&apos;s name in that language, so anyone can find their own; &quot;&quot; follows the system</extracomment>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Language</source>
        <extracomment>shown in the Settings dialog (its &quot;SettingsDialog&quot; translation context); empty for state the application keeps by itself (value, label) a person picks from; labels in their own language are not translated</extracomment>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used the next time you start Field Desk.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage de Field Desk.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="+66"/>
        <source>Field Desk: sign in</source>
        <translation>Field Desk : connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open on this device</source>
        <translation>Ouvrir sur cet appareil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in online</source>
        <translation>Se connecter en ligne</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Profile</source>
        <translation>P&amp;rofil</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This passphrase is not correct. Nothing was changed; try again.</source>
        <translation>Cette phrase secrète est incorrecte. Rien n&apos;a été modifié ; réessayez.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Server address</source>
        <extracomment>a message under each field that is missing, instead of one line for all</extracomment>
        <translation>Adresse du &amp;serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;assword</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This computer has no secure keyring, so secrets are not kept in an OS keyring. Choose a passphrase to protect the local copy of your worklist; it is never stored, and you will type it each time you open Field Desk.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau sécurisé : les secrets ne peuvent pas y être conservés. Choisissez une phrase secrète pour protéger la copie locale de votre liste de travail ; elle n&apos;est jamais enregistrée et vous la saisirez à chaque ouverture de Field Desk.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New pass&amp;phrase</source>
        <translation>Nouvelle &amp;phrase secrète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Répéter la phrase secrète</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the address of your server, e.g. https://fielddesk.example.org.</source>
        <translation>Saisissez l&apos;adresse de votre serveur, par ex. https://fielddesk.example.org.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Choisissez une phrase secrète d&apos;au moins %n caractère.</numerusform>
            <numerusform>Choisissez une phrase secrète d&apos;au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Online sign-in is not available in this version. Use --demo to try Field Desk with sample data.</source>
        <translation>La connexion en ligne n&apos;est pas disponible dans cette version. Utilisez --demo pour essayer Field Desk avec des données d&apos;exemple.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No server answered at %1. Check the address (ask your office for it) and your connection, then try again.</source>
        <translation>Aucun serveur n&apos;a répondu à %1. Vérifiez l&apos;adresse (demandez-la à votre bureau) et votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign-in failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>StartupDialog</name>
    <message>
        <location filename="../../ui/startup.py" line="+24"/>
        <source>Field Desk: starting the demo</source>
        <translation>Field Desk : démarrage de la démonstration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting the demo Social Registry and Employment Support System; its accounts come next…</source>
        <translation>Démarrage du Registre social et du Système d’appui à l’emploi de démonstration ; ses comptes suivent…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The demo could not start: %1</source>
        <translation>La démonstration n’a pas pu démarrer : %1</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <location filename="../../store/errors.py" line="+20"/>
        <source>The local database could not be used.</source>
        <translation>La base de données locale n&apos;a pas pu être utilisée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The disk is full, so nothing was saved. Free some space (empty the downloads folder or the recycle bin), then save again. Your earlier work is safe.</source>
        <translation>Le disque est plein : rien n&apos;a été enregistré. Libérez de l&apos;espace (videz le dossier des téléchargements ou la corbeille), puis enregistrez de nouveau. Votre travail précédent est en sécurité.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local database is busy in another window or program. Close other copies of Field Desk and try again. Nothing was changed.</source>
        <translation>La base de données locale est utilisée par une autre fenêtre ou un autre programme. Fermez les autres exemplaires de Field Desk et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local database is damaged and was not changed. Do not delete it: contact IT support, who can restore it from the copy kept before the last update or resync it from the server.</source>
        <translation>La base de données locale est endommagée et n&apos;a pas été modifiée. Ne la supprimez pas : contactez le support informatique, qui pourra la restaurer à partir de la copie conservée avant la dernière mise à jour ou la resynchroniser depuis le serveur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The passphrase is not correct, or this database belongs to another profile. Nothing was changed. Try again, or sign in online to set up a new local copy.</source>
        <translation>La phrase secrète est incorrecte, ou cette base de données appartient à un autre profil. Rien n&apos;a été modifié. Réessayez, ou connectez-vous en ligne pour créer une nouvelle copie locale.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Field Desk cannot write to its data folder. Check that the folder exists, is not read-only and that you may write to it, or start with --data-dir pointing elsewhere. Nothing was changed.</source>
        <translation>Field Desk ne peut pas écrire dans son dossier de données. Vérifiez que le dossier existe, qu&apos;il n&apos;est pas en lecture seule et que vous avez le droit d&apos;y écrire, ou lancez le programme avec --data-dir vers un autre dossier. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This database was written by a newer version of Field Desk. Install the newer version; this one will not touch the data.</source>
        <translation>Cette base de données a été écrite par une version plus récente de Field Desk. Installez cette version plus récente ; celle-ci ne touchera pas aux données.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No secure password store is available on this computer, so the database key cannot be kept there. Choose a passphrase instead; it is never stored.</source>
        <translation>Aucun gestionnaire de mots de passe sécurisé n&apos;est disponible sur cet ordinateur : la clé de la base de données ne peut pas y être conservée. Choisissez plutôt une phrase secrète ; elle n&apos;est jamais enregistrée.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="+35"/>
        <source>Offline: your work is kept on this device</source>
        <translation>Hors ligne : votre travail est conservé sur cet appareil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Action requise</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+6"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes the server refused</source>
        <translation>Modifications refusées par le serveur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mine</source>
        <translation>Ma valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs</source>
        <translation>Leur valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>%1: %2 records, %3 kB</source>
        <translation>%1 : %2 enregistrements, %3 ko</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Changes waiting to be sent</source>
        <extracomment>the last sync went well, but changes saved since wait for the next one</extracomment>
        <translation>Modifications en attente d&apos;envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending to the %1</source>
        <extracomment>the engine&apos;s phases (``push SR``, ``pull ESS``, ...)</extracomment>
        <translation>Envoi au %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving from the %1</source>
        <translation>Réception depuis le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Social Registry</source>
        <translation>Registre social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment Support System</source>
        <translation>Système d’appui à l’emploi</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Sync now  (F5)</source>
        <translation>Synchroniser  (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Si&amp;gn out…</source>
        <translation>&amp;Se déconnecter…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None: every change sent was accepted. Nothing to do.</source>
        <translation>Aucune : chaque modification envoyée a été acceptée. Rien à faire.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None: nobody changed the same thing as you. Nothing to do.</source>
        <translation>Aucun : personne n&apos;a modifié la même chose que vous. Rien à faire.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting to send: %1 to the Social Registry, %2 to the Employment Support System</source>
        <translation>En attente d&apos;envoi : %1 vers le Registre social, %2 vers le Système d&apos;appui à l&apos;emploi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="+12"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../domain/model.py" line="+23"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a value from the list.</source>
        <translation>Choisissez une valeur dans la liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>Saisissez la date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date cannot be in the future.</source>
        <translation>Cette date ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This date is too far in the past.</source>
        <translation>Cette date est trop ancienne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This text is too long.</source>
        <translation>Ce texte est trop long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the employer for someone employed.</source>
        <translation>Indiquez l&apos;employeur d&apos;une personne en emploi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the document seen.</source>
        <translation>Décrivez le justificatif consulté.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the start date too: an end needs a start.</source>
        <translation>Saisissez aussi la date de début : une fin suppose un début.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reason for unemployment is only for someone who is not working.</source>
        <translation>Un motif de chômage ne s&apos;applique qu&apos;à une personne sans travail.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new enrolment cannot start with this status.</source>
        <translation>Une nouvelle inscription ne peut pas commencer avec ce statut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new action cannot be due in the past.</source>
        <extracomment>messages that mean &quot;this field must be filled in&quot;, in this situation: a form marks such fields</extracomment>
        <translation>L&apos;échéance d&apos;une nouvelle action ne peut pas être dans le passé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The requested value is the same as the current one.</source>
        <translation>La valeur demandée est identique à la valeur actuelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the number in international form, e.g. +221771234567.</source>
        <translation>Saisissez le numéro au format international, par exemple +221771234567.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select at least one beneficiary.</source>
        <translation>Sélectionnez au moins un bénéficiaire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record exists already.</source>
        <translation>Cet enregistrement existe déjà.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record no longer exists on this device.</source>
        <translation>Cet enregistrement n’existe plus sur cet appareil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kind of record cannot be changed once saved.</source>
        <translation>Ce type d’enregistrement ne peut plus être modifié une fois enregistré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose mine, theirs or an edited value.</source>
        <translation>Choisissez ma valeur, la leur ou une valeur modifiée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This conflict was already resolved.</source>
        <translation>Ce conflit a déjà été résolu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This change is not waiting for a retry.</source>
        <translation>Cette modification n’attend pas de nouvel envoi.</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/worklist_model.py" line="+26"/>
        <source>Name</source>
        <extracomment>(key, header, sort key of the worklist&apos;s SQL orders, or None) what tells two people of the same name apart (age, locality, UIN) sits beside the name</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UIN</source>
        <translation>NIU</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locality</source>
        <translation>Localité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Readiness</source>
        <translation>Aptitude</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case status</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Click to sort by this column</source>
        <translation>Cliquez pour trier selon cette colonne</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No flags</source>
        <translation>Aucun signalement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue since %1</source>
        <translation>En retard depuis le %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n change(s) rejected by the server</source>
        <translation>
            <numerusform>%n modification refusée par le serveur</numerusform>
            <numerusform>%n modifications refusées par le serveur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflit à résoudre</numerusform>
            <numerusform>%n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything on this device has been sent</source>
        <translation>Tout ce qui se trouve sur cet appareil a été envoyé</translation>
    </message>
</context>
</TS>
