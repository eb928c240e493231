<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../core/render/labels.cpp" line="15"/>
        <source>1er niveau : informer, orienter</source>
        <translation>Level 1: inform and orient</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="16"/>
        <source>2e niveau : accompagner</source>
        <translation>Level 2: accompany</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="17"/>
        <source>3e niveau : guichets des opérateurs</source>
        <translation>Level 3: operators&apos; desks</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="24"/>
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="30"/>
        <source>existant</source>
        <translation>existing</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="31"/>
        <source>projeté</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="32"/>
        <source>fermé</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="39"/>
        <source>Situation actuelle</source>
        <translation>Current situation</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="64"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="65"/>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="40"/>
        <source>Projets Maillage (*.gpkg);;Tous les fichiers (*)</source>
        <translation>Maillage projects (*.gpkg);;All files (*)</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="31"/>
        <source>Données vectorielles (*.gpkg *.shp *.geojson *.json *.gml *.kml *.sqlite);;Tous les fichiers (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.kml *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="38"/>
        <source>Réseaux routiers (*.osm.pbf *.pbf *.osm *.osm.gz *.gpkg *.shp *.geojson *.json);;Tous les fichiers (*)</source>
        <translation>Road networks (*.osm.pbf *.pbf *.osm *.osm.gz *.gpkg *.shp *.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="45"/>
        <source>Population carroyée (*.csv *.gpkg *.dbf *.shp *.tif *.tiff);;Tous les fichiers (*)</source>
        <translation>Gridded population (*.csv *.gpkg *.dbf *.shp *.tif *.tiff);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PointCommands</name>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="46"/>
        <source>ajout de « %1 »</source>
        <translation>add “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="74"/>
        <source>fermeture de « %1 » dans le plan</source>
        <translation>close “%1” in the plan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_commands.cpp" line="75"/>
        <source>fermeture de %n points dans le plan</source>
        <translation>
            <numerusform>close %n point in the plan</numerusform>
            <numerusform>close %n points in the plan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="77"/>
        <source>suppression de « %1 »</source>
        <translation>delete “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_commands.cpp" line="78"/>
        <source>suppression de %n points</source>
        <translation>
            <numerusform>delete %n point</numerusform>
            <numerusform>delete %n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="95"/>
        <source>déplacement de « %1 »</source>
        <translation>move “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_commands.cpp" line="96"/>
        <source>déplacement de %n points</source>
        <translation>
            <numerusform>move %n point</numerusform>
            <numerusform>move %n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="120"/>
        <source>modification de « %1 »</source>
        <translation>edit “%1”</translation>
    </message>
</context>
<context>
    <name>PrintCredits</name>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="18"/>
        <source>ANCT, liste des France services</source>
        <translation>ANCT, list of France services</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="19"/>
        <source>La Poste, points de contact du réseau postal</source>
        <translation>La Poste, postal network contact points</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="20"/>
        <source>annuaire des mairies (data.gouv.fr)</source>
        <translation>town hall directory (data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="28"/>
        <source>population placée selon les carreaux INSEE (Filosofi), ramenée aux populations légales</source>
        <translation>population placed by the INSEE squares (Filosofi), rescaled to the legal population</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="30"/>
        <source>population placée sur les bâtiments d&apos;habitation (surface × niveaux), ramenée aux populations légales</source>
        <translation>population placed on residential buildings (footprint × levels), rescaled to the legal population</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="34"/>
        <source>population de chaque commune répartie également sur ses parties habitables proches d&apos;une route</source>
        <translation>each commune&apos;s population spread evenly over its inhabitable parts near a road</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="36"/>
        <source>population de chaque commune comptée à sa mairie</source>
        <translation>each commune&apos;s population counted at its town hall</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="44"/>
        <source>limites administratives : %1</source>
        <translation>administrative boundaries: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="45"/>
        <source>IGN, ADMIN EXPRESS</source>
        <translation>IGN, ADMIN EXPRESS</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="46"/>
        <source>population : %1</source>
        <translation>population: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="47"/>
        <source>INSEE, populations légales</source>
        <translation>INSEE, legal populations</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="58"/>
        <source>lieux d&apos;accueil : %1</source>
        <translation>accueil places: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="62"/>
        <source>© les contributeurs d&apos;OpenStreetMap (ODbL)</source>
        <translation>© OpenStreetMap contributors (ODbL)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="64"/>
        <source>réseau routier : %1</source>
        <translation>road network: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="66"/>
        <source>Sources : %1.</source>
        <translation>Sources: %1.</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../core/render/print_elements.cpp" line="223"/>
        <source>Légende</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="327"/>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="327"/>
        <source>Département %1</source>
        <translation>Département %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="332"/>
        <source>situation actuelle</source>
        <translation>current network</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="336"/>
        <source>« %1 »</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="347"/>
        <source>%1 : l&apos;accès aux lieux d&apos;accueil de niveau %2</source>
        <translation>%1: access to level %2 accueil places</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="349"/>
        <source>%1 : ce que change le scénario %2</source>
        <translation>%1: what scenario %2 changes</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="367"/>
        <source>seuil : %1 min en voiture</source>
        <translation>threshold: %1 min by car</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="368"/>
        <source>scénario : %1</source>
        <translation>scenario: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="370"/>
        <source>scénario %1 comparé à %2</source>
        <translation>scenario %1 compared with %2</translation>
    </message>
    <message>
        <source>Carte réalisée avec Maillage %1 le %2. Temps de parcours en voiture sur le réseau routier, grille de %3 m ; la population de chaque commune est répartie sur ses cellules habitables.</source>
        <translation type="vanished">Map made with Maillage %1 on %2. Driving times on the road network, %3 m grid; each commune&apos;s population is spread over its inhabitable cells.</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="379"/>
        <source>Carte réalisée avec Maillage %1 le %2. Temps de parcours en voiture sur le réseau routier, grille de %3 m ; %4.</source>
        <translation>Map made with Maillage %1 on %2. Driving times on the road network, %3 m grid; %4.</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="416"/>
        <source>Lieux d&apos;accueil</source>
        <translation>Accueil places</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="416"/>
        <source>Changement d&apos;accès</source>
        <translation>Change of access</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="417"/>
        <source>Au-delà du seuil</source>
        <translation>Beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="417"/>
        <source>Temps d&apos;accès en voiture</source>
        <translation>Driving time</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="418"/>
        <source>Routes</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="440"/>
        <source>Limites</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="450"/>
        <source>EPCI de la carte (le reste est estompé)</source>
        <translation>EPCI of the map (the rest is faded)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="468"/>
        <source>Habitants à plus de %1 min</source>
        <translation>Inhabitants beyond %1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="458"/>
        <source>%1 habitants sur %2 (%3) à plus de %4 min d&apos;un lieu de niveau %5</source>
        <translation>%1 inhabitants of %2 (%3) more than %4 min from a level %5 place</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="511"/>
        <location filename="../../core/render/print_layout.cpp" line="585"/>
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="467"/>
        <location filename="../../core/render/print_layout.cpp" line="586"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="469"/>
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="511"/>
        <source>Mairies au-delà</source>
        <translation>Town halls beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="524"/>
        <source>… et %1 autres EPCI : %2 habitants au-delà</source>
        <translation>… and %1 other EPCI: %2 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="543"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="543"/>
        <source>Depuis la mairie</source>
        <translation>From the town hall</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="557"/>
        <source>Aucun habitant de l&apos;EPCI à plus de %1 min.</source>
        <translation>Nobody in the EPCI is more than %1 min away.</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="563"/>
        <source>… et %1 autres communes : %2 habitants au-delà</source>
        <translation>… and %1 other communes: %2 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="564"/>
        <source>… et 1 autre commune : %1 habitants au-delà</source>
        <translation>… and 1 other commune: %1 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="570"/>
        <source>Ensemble de l&apos;EPCI (%1 communes)</source>
        <translation>Whole EPCI (%1 communes)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="571"/>
        <source>Ensemble de l&apos;EPCI (1 commune)</source>
        <translation>Whole EPCI (1 commune)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="582"/>
        <source>%1 habitants passent à moins de %2 min (%3 km²), %4 à plus de %2 min (%5 km²)</source>
        <translation>%1 inhabitants come within %2 min (%3 km²), %4 go beyond %2 min (%5 km²)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="587"/>
        <source>Au-delà, référence</source>
        <translation>Beyond, reference</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="588"/>
        <source>Au-delà, scénario</source>
        <translation>Beyond, scenario</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="589"/>
        <source>Écart</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="603"/>
        <source>… et %1 autres EPCI, sans changement</source>
        <translation>… and %1 other EPCI, unchanged</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="604"/>
        <source>… et %1 autres EPCI : écart de %2 habitants</source>
        <translation>… and %1 other EPCI: change of %2 inhabitants</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="837"/>
        <source>1 : %1</source>
        <translation>1:%1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="871"/>
        <source>page %1 / %2</source>
        <translation>page %1 / %2</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="896"/>
        <source>Comparaison</source>
        <translation>Comparison</translation>
    </message>
</context>
<context>
    <name>ProjectLoading</name>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="29"/>
        <source>impossible de remplacer %1 (fichier protégé ou ouvert ?)</source>
        <translation>cannot replace %1 (file protected or in use?)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="97"/>
        <source>Construction du graphe routier…</source>
        <translation>Building the road graph…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="99"/>
        <source>Préparation de la grille de couverture…</source>
        <translation>Preparing the coverage grid…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="67"/>
        <source>Lecture du réseau routier…</source>
        <translation>Reading the road network…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="110"/>
        <source>Lecture des limites communales…</source>
        <translation>Reading the commune boundaries…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="114"/>
        <source>Projet chargé</source>
        <translation>Project loaded</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="120"/>
        <source>Création du projet…</source>
        <translation>Creating the project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="151"/>
        <source>Création du projet de démonstration…</source>
        <translation>Creating the demonstration project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="177"/>
        <source>Import de %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="182"/>
        <source>Démonstration prête</source>
        <translation>Demonstration ready</translation>
    </message>
    <message>
        <source>%1 : %2 lignes lues, %3 points nouveaux, %4 mis à jour, %5 inchangés, %6 hors du territoire, %7 lignes ignorées.</source>
        <translation type="vanished">%1: %2 rows read, %3 new points, %4 updated, %5 unchanged, %6 outside the territory, %7 rows skipped.</translation>
    </message>
    <message>
        <source>
ligne %1 : %2</source>
        <translation type="vanished">
line %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="202"/>
        <source>données de démonstration introuvables : %1 n&apos;existe pas (indiquez le dossier des données avec MAILLAGE_SHARED_DATA)</source>
        <translation>demonstration data not found: %1 does not exist (give the data folder with MAILLAGE_SHARED_DATA)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="240"/>
        <source>erreur inconnue</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="127"/>
        <source>Lecture de %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="129"/>
        <source>%1 ne contient personne dans le territoire : est-ce le bon fichier ?</source>
        <translation>%1 holds no one in the territory: is it the right file?</translation>
    </message>
</context>
<context>
    <name>ScenarioCommands</name>
    <message>
        <location filename="../../app/gui/scenario_commands.cpp" line="42"/>
        <source>création du plan « %1 »</source>
        <translation>create plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_commands.cpp" line="43"/>
        <source>copie de « %1 » en « %2 »</source>
        <translation>copy “%1” to “%2”</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_commands.cpp" line="65"/>
        <source>plan « %1 » renommé « %2 »</source>
        <translation>rename plan “%1” to “%2”</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_commands.cpp" line="81"/>
        <source>suppression du plan « %1 »</source>
        <translation>delete plan “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_commands.cpp" line="143"/>
        <source>%n site(s) suggéré(s) ajouté(s) au plan « %1 »</source>
        <translation>
            <numerusform>add %n suggested site to plan “%1”</numerusform>
            <numerusform>add %n suggested sites to plan “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="36"/>
        <source>%n point(s) ajouté(s)</source>
        <translation>
            <numerusform>%n point added</numerusform>
            <numerusform>%n points added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="38"/>
        <source>%n point(s) modifié(s)</source>
        <translation>
            <numerusform>%n point changed</numerusform>
            <numerusform>%n points changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="40"/>
        <source>%n fermeture(s) de route</source>
        <translation>
            <numerusform>%n road closure</numerusform>
            <numerusform>%n road closures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="41"/>
        <source>aucun changement</source>
        <translation>no change</translation>
    </message>
</context>
<context>
    <name>maillage::gui::AccessDialog</name>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="45"/>
        <source>aucun lieu atteignable</source>
        <translation>no place within reach</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="80"/>
        <source>Seulement les renvois au-delà du seuil</source>
        <translation>Only the referrals beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="82"/>
        <source>Accès aux lieux et renvois entre niveaux</source>
        <translation>Access to places and referrals between levels</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="89"/>
        <source>Depuis chaque siège d&apos;EPCI</source>
        <translation>From each EPCI seat</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="90"/>
        <source>Renvois 1 → 2 → 3</source>
        <translation>Referrals 1 → 2 → 3</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="96"/>
        <source>Aucun réseau routier : ouvrez un projet avec un réseau pour calculer les accès.</source>
        <translation>No road network: open a project with a network to compute the access.</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="103"/>
        <source>Temps par la route vers le lieu le plus proche, sur les points de « %1 »%2 (réseau %3, profil %4) ; au-delà de %5 min sur fond rose. Les opérateurs de niveau 3 sont atteints au guichet ou en visio (points visio qui les servent), côte à côte.%6</source>
        <translation>Time by road to the nearest place, on the points of “%1”%2 (network %3, profile %4); beyond %5 min on a pink ground. Level-3 operators are reached at a desk or by video (the visio points that serve them), side by side.%6</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="107"/>
        <source>, routes fermées du plan comprises</source>
        <translation>, with the plan&apos;s closed roads</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="110"/>
        <source> Le projet n&apos;a aucun point visio : accès au guichet seulement.</source>
        <translation> The project has no visio point: access at a desk only.</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="126"/>
        <source>Siège d&apos;EPCI</source>
        <translation>EPCI seat</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="132"/>
        <source>%1 en visio</source>
        <translation>%1 by video</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="153"/>
        <source>Depuis</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="153"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="153"/>
        <source>Vers</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="153"/>
        <source>Au guichet</source>
        <translation>At a desk</translation>
    </message>
    <message>
        <location filename="../../app/gui/access_dialog.cpp" line="154"/>
        <source>En visio</source>
        <translation>By video</translation>
    </message>
</context>
<context>
    <name>maillage::gui::AnalysisControls</name>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="32"/>
        <source>Couverture du niveau &amp;%1</source>
        <translation>Coverage of level &amp;%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="41"/>
        <source>Compter les points &amp;projetés</source>
        <translation>Count &amp;planned points</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="44"/>
        <source>Les points projetés (ajoutés sur la carte) comptent dans la couverture</source>
        <translation>Planned points (added on the map) count in the coverage</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="56"/>
        <source>Niveau %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="57"/>
        <source>Niveau dont la couverture est calculée</source>
        <translation>Level whose coverage is computed</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="61"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="64"/>
        <source>Seuil de temps d&apos;accès (20 min dans le schéma départemental)</source>
        <translation>Access time threshold (20 min in the département&apos;s plan)</translation>
    </message>
    <message>
        <location filename="../../app/gui/analysis_controls.cpp" line="73"/>
        <source> Seuil </source>
        <translation> Threshold </translation>
    </message>
</context>
<context>
    <name>maillage::gui::BackgroundTaskPanel</name>
    <message>
        <location filename="../../app/gui/background_task_panel.cpp" line="42"/>
        <source>Échec : %1</source>
        <translation>Failed: %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::CommuneSearch</name>
    <message>
        <location filename="../../app/gui/commune_search.cpp" line="19"/>
        <source>Rechercher une commune</source>
        <translation>Search for a commune</translation>
    </message>
    <message>
        <location filename="../../app/gui/commune_search.cpp" line="20"/>
        <source>Tapez le début du nom d&apos;une commune (les accents sont facultatifs) pour zoomer sur elle</source>
        <translation>Type the beginning of a commune&apos;s name (accents optional) to zoom to it</translation>
    </message>
    <message>
        <location filename="../../app/gui/commune_search.cpp" line="60"/>
        <source>INSEE %1</source>
        <translation>INSEE %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ComparisonPanel</name>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="36"/>
        <source>Comparer</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="65"/>
        <source>Territoire</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="65"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="65"/>
        <source>Au-delà (A)</source>
        <translation>Beyond (A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="65"/>
        <source>Au-delà (B)</source>
        <translation>Beyond (B)</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="65"/>
        <source>Écart</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="66"/>
        <source>Surface au-delà (A)</source>
        <translation>Area beyond (A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="66"/>
        <source>Surface au-delà (B)</source>
        <translation>Area beyond (B)</translation>
    </message>
    <message>
        <source>Habitants au-delà du seuil, population répartie sur les cellules habitées</source>
        <translation type="vanished">People beyond the threshold, population spread over the inhabited cells</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="68"/>
        <source>Habitants au-delà du seuil, population placée selon la méthode du projet</source>
        <translation>People beyond the threshold, population placed by the project&apos;s method</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="69"/>
        <source>B − A : négatif quand B amène des habitants sous le seuil</source>
        <translation>B − A: negative when B brings people within the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="81"/>
        <source>A :</source>
        <translation>A:</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="84"/>
        <source>B :</source>
        <translation>B:</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="98"/>
        <source>annulé</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Échec : %1</source>
        <translation type="vanished">Failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="173"/>
        <source>Scénario inconnu.</source>
        <translation>Unknown scenario.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="181"/>
        <source>Une comparaison est déjà en cours.</source>
        <translation>A comparison is already running.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="182"/>
        <source>Il faut un projet avec un réseau routier pour comparer des scénarios.</source>
        <translation>Comparing scenarios needs a project with a road network.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="209"/>
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="247"/>
        <location filename="../../app/gui/comparison_panel.cpp" line="248"/>
        <source>%1 km²</source>
        <translation>%1 km²</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="268"/>
        <source>Département %1</source>
        <translation>Département %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="273"/>
        <source>&lt;b&gt;B « %1 »&lt;/b&gt; par rapport à &lt;b&gt;A « %2 »&lt;/b&gt;, niveau %3 à %4 min : &lt;span style=&apos;color:#137a38&apos;&gt;%5 km² passent sous le seuil (%6 hab.)&lt;/span&gt;, &lt;span style=&apos;color:#b8200f&apos;&gt;%7 km² passent au-delà (%8 hab.)&lt;/span&gt; ; au-delà : %9 → &lt;b&gt;%10&lt;/b&gt; habitants.</source>
        <translation>&lt;b&gt;B “%1”&lt;/b&gt; against &lt;b&gt;A “%2”&lt;/b&gt;, level %3 within %4 min: &lt;span style=&apos;color:#137a38&apos;&gt;%5 km² come within the threshold (%6 people)&lt;/span&gt;, &lt;span style=&apos;color:#b8200f&apos;&gt;%7 km² go beyond it (%8 people)&lt;/span&gt;; beyond: %9 → &lt;b&gt;%10&lt;/b&gt; people.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="296"/>
        <source>« %1 » ferme des routes : une cellule voisine d&apos;une route fermée y est rattachée à la route ouverte la plus proche, parfois plus rapide.</source>
        <translation>« %1 » closes roads: there, a cell next to a closed road is linked to the nearest open road, which is sometimes faster.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="300"/>
        <source>Une partie de ce qui passe sous le seuil peut venir de là, sans gain réel d&apos;accès.</source>
        <translation>Part of what comes within the threshold may come from this, with no real gain of access.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="301"/>
        <source>Une partie de ce qui passe au-delà du seuil peut venir de là, sans perte réelle d&apos;accès.</source>
        <translation>Part of what goes beyond the threshold may come from this, with no real loss of access.</translation>
    </message>
    <message>
        <location filename="../../app/gui/comparison_panel.cpp" line="129"/>
        <source>Autre plan affiché : relancez la comparaison.</source>
        <translation>Another plan is shown: run the comparison again.</translation>
    </message>
</context>
<context>
    <name>maillage::gui::IdentifyPanel</name>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="19"/>
        <source>Informations</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="21"/>
        <location filename="../../app/gui/identify_panel.cpp" line="39"/>
        <location filename="../../app/gui/identify_panel.cpp" line="84"/>
        <source>Cliquez sur une commune pour voir ses temps d&apos;accès.</source>
        <translation>Click on a commune to see its access times.</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="90"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;INSEE %2 · %3 habitants&lt;br&gt;EPCI : %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;INSEE %2 · %3 inhabitants&lt;br&gt;EPCI: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="92"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="94"/>
        <source>&lt;p&gt;Pas de réseau routier : temps d&apos;accès non calculés.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No road network: access times not computed.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="98"/>
        <source>&lt;p&gt;Depuis la mairie :&lt;/p&gt;</source>
        <translation>&lt;p&gt;From the town hall:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="99"/>
        <source>&lt;p&gt;Depuis un point central de la commune (mairie inconnue) :&lt;/p&gt;</source>
        <translation>&lt;p&gt;From a central point of the commune (town hall unknown):&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="109"/>
        <source>aucun lieu accessible</source>
        <translation>no reachable place</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="110"/>
        <source>&lt;tr&gt;&lt;td&gt;Niveau %1&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Level %1&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/identify_panel.cpp" line="119"/>
        <source>&lt;p&gt;Niveau %1, seuil %2 min : %3 habitants au-delà (population placée selon la méthode du projet), %4 % de la surface de la commune au-delà.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Level %1, threshold %2 min: %3 people beyond (population placed by the project&apos;s method), %4 % of the commune&apos;s area beyond.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Niveau %1, seuil %2 min : %3 habitants au-delà (population répartie), %4 cellules sur %5 au-delà.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;Level %1, threshold %2 min: %3 inhabitants beyond (spread population), %4 of %5 cells beyond.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ImportDialog</name>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="34"/>
        <source>liste des mairies</source>
        <translation>town hall list</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="35"/>
        <source>liste des France services (ANCT)</source>
        <translation>France services list (ANCT)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="36"/>
        <source>points de contact de La Poste</source>
        <translation>La Poste contact points</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="37"/>
        <source>liste des opérateurs</source>
        <translation>operators list</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="38"/>
        <source>Annuaire de l&apos;administration (DILA)</source>
        <translation>Annuaire de l&apos;administration (DILA)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="92"/>
        <source>%1 : %2 lignes lues, %3 points nouveaux, %4 mis à jour, %5 inchangés, %6 hors du territoire, %7 lignes écartées.</source>
        <translation>%1: %2 rows read, %3 new points, %4 updated, %5 unchanged, %6 outside the territory, %7 rows left out.</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="102"/>
        <source>
objet %1 : %2</source>
        <translation>
feature %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="102"/>
        <source>
ligne %1 : %2</source>
        <translation>
line %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="124"/>
        <source>Importer des points — %1</source>
        <translation>Import points — %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="180"/>
        <source>Fichier reconnu : %1 (colonnes connues)</source>
        <translation>Recognised file: %1 (known columns)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="181"/>
        <source>Choisir les colonnes ci-dessous</source>
        <translation>Choose the columns below</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="183"/>
        <source>Lecture :</source>
        <translation>Read as:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="193"/>
        <source>Premières lignes du fichier</source>
        <translation>First rows of the file</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="200"/>
        <source>Correspondance des colonnes</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="203"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="203"/>
        <source>Identifiant :</source>
        <translation>Identifier:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="203"/>
        <source>Longitude ou X :</source>
        <translation>Longitude or X:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="203"/>
        <source>Latitude ou Y :</source>
        <translation>Latitude or Y:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="204"/>
        <source>Type de lieu :</source>
        <translation>Kind of place:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="204"/>
        <source>Niveau :</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="204"/>
        <source>Code INSEE de la commune :</source>
        <translation>Commune INSEE code:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="208"/>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="222"/>
        <source>longitude / latitude (WGS84)</source>
        <translation>longitude / latitude (WGS84)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="223"/>
        <source>X / Y en Lambert-93</source>
        <translation>X / Y in Lambert-93</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="211"/>
        <source>Coordonnées :</source>
        <translation>Coordinates:</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="244"/>
        <source>celui du type</source>
        <translation>the kind&apos;s own</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="245"/>
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="246"/>
        <source>Type de tous les points (sans colonne) :</source>
        <translation>Kind of every point (no column):</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="247"/>
        <source>Niveau de tous les points (sans colonne) :</source>
        <translation>Level of every point (no column):</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="257"/>
        <location filename="../../app/gui/import_dialog.cpp" line="388"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="257"/>
        <location filename="../../app/gui/import_dialog.cpp" line="388"/>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="261"/>
        <source>Vérification avant import</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="133"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="150"/>
        <source>Ce fichier ne peut pas être lu : %1</source>
        <translation>This file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="376"/>
        <source>Choisissez les colonnes des coordonnées.</source>
        <translation>Choose the coordinate columns.</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="386"/>
        <source>%1 lignes lues : %2 points à importer, %3 lignes écartées (détail ci-dessous).</source>
        <translation>%1 rows read: %2 points to import, %3 rows left out (details below).</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="388"/>
        <source>Objet</source>
        <translation>Feature</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="394"/>
        <source>avertissement : %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_dialog.cpp" line="397"/>
        <source>Lecture impossible avec ces colonnes : %1</source>
        <translation>Cannot read the file with these columns: %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ImportExport</name>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="50"/>
        <source>Importer des points</source>
        <translation>Import points</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="51"/>
        <source>Points (*.csv *.geojson *.json *.gpkg *.shp);;Tous les fichiers (*)</source>
        <translation>Points (*.csv *.geojson *.json *.gpkg *.shp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="72"/>
        <source>Import terminé</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="65"/>
        <source>Import impossible</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="87"/>
        <source>Exporter le résultat</source>
        <translation>Export the result</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="88"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="91"/>
        <source>Résultat écrit dans %1.</source>
        <translation>Result written to %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="99"/>
        <source>Export impossible</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_export.cpp" line="126"/>
        <source>Carte exportée en PDF : %1</source>
        <translation>Map exported to PDF: %1</translation>
    </message>
    <message>
        <source>Carte exportée en PDF.</source>
        <translation type="vanished">Map exported as PDF.</translation>
    </message>
</context>
<context>
    <name>maillage::gui::LayerPanel</name>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="32"/>
        <source>Monter la couche</source>
        <translation>Move the layer up</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="34"/>
        <source>Descendre la couche</source>
        <translation>Move the layer down</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="36"/>
        <source>Opacité de la couche</source>
        <translation>Layer opacity</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="43"/>
        <source>Opacité</source>
        <translation>Opacity</translation>
    </message>
</context>
<context>
    <name>maillage::gui::LoadJobs</name>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="22"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="28"/>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="46"/>
        <source>Un chargement est déjà en cours.</source>
        <translation>A loading is already running.</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="90"/>
        <source>Chargement annulé.</source>
        <translation>Loading cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="92"/>
        <source>annulé</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="96"/>
        <source>Chargement impossible</source>
        <translation>Cannot load</translation>
    </message>
    <message>
        <location filename="../../app/gui/load_jobs.cpp" line="105"/>
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/load_jobs.cpp" line="112"/>
        <source>%n avertissement(s) au chargement : %1</source>
        <translation>
            <numerusform>%n warning while loading: %1</numerusform>
            <numerusform>%n warnings while loading: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::gui::MainActions</name>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="35"/>
        <source>&amp;Guide d&apos;utilisation</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="38"/>
        <source>Comment les temps et les chiffres de population sont calculés, la règle des 20 minutes, les plans et les exports</source>
        <translation>How times and population figures are computed, the 20-minute rule, plans and exports</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="40"/>
        <source>À &amp;propos de Maillage</source>
        <translation>&amp;About Maillage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="46"/>
        <source>À propos de Maillage</source>
        <translation>About Maillage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="47"/>
        <source>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Planifier le réseau d&apos;accueil des services publics d&apos;un département : points d&apos;accueil, temps d&apos;accès par la route, zones à plus de 20 minutes d&apos;un lieu de deuxième niveau et population concernée.&lt;/p&gt;&lt;p&gt;Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Plan a département&apos;s network of public-service help desks: accueil points, access times by road, zones more than 20 minutes from a second-level place and the people living there.&lt;/p&gt;&lt;p&gt;Data: IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="57"/>
        <source>&amp;Nouveau projet…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="59"/>
        <source>Créer un projet à partir de limites communales et d&apos;un réseau routier</source>
        <translation>Create a project from commune boundaries and a road network</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="61"/>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="65"/>
        <source>Ouvrir un projet &amp;partagé…</source>
        <translation>Open a &amp;shared project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="68"/>
        <source>Un projet d&apos;équipe sur un serveur PostgreSQL/PostGIS (adresse postgresql:// ou nom de service)</source>
        <translation>A team&apos;s project on a PostgreSQL/PostGIS server (postgresql:// address or service name)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="70"/>
        <source>Ouvrir la &amp;démo 04</source>
        <translation>Open the 04 &amp;demo</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="71"/>
        <source>Alpes-de-Haute-Provence : limites, réseau routier, mairies, France services et La Poste</source>
        <translation>Alpes-de-Haute-Provence: boundaries, road network, town halls, France services and La Poste</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="73"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Chaque modification est déjà enregistrée dans le fichier du projet</source>
        <translation type="vanished">Every change is already saved in the project file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="76"/>
        <source>Chaque modification est déjà écrite dans le fichier du projet ; « Enregistrer » la garde pour de bon (elle ne peut plus être abandonnée)</source>
        <translation>Every change is already written to the project file; “Save” keeps it for good (it can no longer be discarded)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="79"/>
        <source>Enregistrer &amp;sous…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="82"/>
        <source>&amp;Abandonner les modifications</source>
        <translation>&amp;Discard changes</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="85"/>
        <source>Remet le projet (points et plans) dans l&apos;état du dernier enregistrement, ou de son ouverture</source>
        <translation>Puts the project (points and plans) back as it was when last saved, or when opened</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="88"/>
        <source>&amp;Importer des points…</source>
        <translation>&amp;Import points…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="90"/>
        <source>Mairies, France services (ANCT), La Poste ou tout fichier de points</source>
        <translation>Town halls, France services (ANCT), La Poste or any point file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="92"/>
        <source>&amp;Fermer le projet</source>
        <translation>&amp;Close the project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="95"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="99"/>
        <source>Exporter la carte en &amp;PDF…</source>
        <translation>Export the map as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="101"/>
        <source>Mise en page à imprimer : la carte, sa légende, l&apos;échelle, le tableau par EPCI ; atlas par EPCI</source>
        <translation>Print layout: the map, its legend, the scale, the table per EPCI; atlas per EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="103"/>
        <source>&amp;Exporter le résultat (GeoPackage)…</source>
        <translation>&amp;Export the result (GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="106"/>
        <source>Communes, EPCI, points, zones au-delà du seuil, isochrones et tables, avec les styles QGIS</source>
        <translation>Communes, EPCI, points, zones beyond the threshold, isochrones and tables, with QGIS styles</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="111"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="114"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="119"/>
        <source>&amp;Sélectionner et déplacer</source>
        <translation>&amp;Select and move</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="124"/>
        <source>Clic : sélectionner ; glisser un point : le déplacer ; glisser la carte : la déplacer ; Maj+glisser : sélection par rectangle ; Ctrl+clic : ajouter à la sélection</source>
        <translation>Click: select; drag a point: move it; drag the map: pan; Shift+drag: select in a rectangle; Ctrl+click: add to the selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="126"/>
        <source>&amp;Ajouter un point</source>
        <translation>&amp;Add a point</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="129"/>
        <source>Cliquer sur la carte pour ajouter un point projeté du type choisi</source>
        <translation>Click on the map to add a planned point of the chosen kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="131"/>
        <source>&amp;Modifier le point…</source>
        <translation>&amp;Edit the point…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="133"/>
        <source>S&amp;upprimer la sélection</source>
        <translation>&amp;Delete the selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="136"/>
        <source>Tout sé&amp;lectionner</source>
        <translation>Select a&amp;ll</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="142"/>
        <source>Zoom &amp;avant</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="144"/>
        <source>Zoom a&amp;rrière</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="146"/>
        <source>Zoom sur le &amp;territoire</source>
        <translation>Zoom to the &amp;territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="148"/>
        <source>Zoom sur la &amp;sélection</source>
        <translation>Zoom to the &amp;selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="156"/>
        <source>&amp;Projet</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="160"/>
        <source>Projets &amp;récents</source>
        <translation>&amp;Recent projects</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="173"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="184"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="189"/>
        <source>Zoom sur un &amp;EPCI</source>
        <translation>Zoom to an &amp;EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="195"/>
        <source>A&amp;nalyse</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="205"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="213"/>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="224"/>
        <source>La langue choisie s&apos;appliquera au prochain démarrage.</source>
        <translation>The chosen language applies at the next start.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="240"/>
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="242"/>
        <source>Édition</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="250"/>
        <source>Affichage</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_actions.cpp" line="251"/>
        <source>Analyse</source>
        <translation>Analysis</translation>
    </message>
</context>
<context>
    <name>maillage::gui::MainDocks</name>
    <message>
        <location filename="../../app/gui/main_docks.cpp" line="33"/>
        <source>Couches et légende</source>
        <translation>Layers and legend</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_docks.cpp" line="41"/>
        <source>Statistiques</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_docks.cpp" line="58"/>
        <source>Attributs du point</source>
        <translation>Point attributes</translation>
    </message>
</context>
<context>
    <name>maillage::gui::MainWindow</name>
    <message>
        <source>Couches et légende</source>
        <translation type="vanished">Layers and legend</translation>
    </message>
    <message>
        <source>Attributs du point</source>
        <translation type="vanished">Point attributes</translation>
    </message>
    <message>
        <source>Statistiques</source>
        <translation type="vanished">Statistics</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="90"/>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Calcul de couverture : %1</source>
        <translation type="vanished">Coverage computation: %1</translation>
    </message>
    <message>
        <source>%1 : %2 communes, %3 habitants, %4 points d&apos;accueil</source>
        <translation type="vanished">%1: %2 communes, %3 inhabitants, %4 accueil points</translation>
    </message>
    <message>
        <source>Réseau d&apos;accueil</source>
        <translation type="vanished">Accueil network</translation>
    </message>
    <message>
        <source>%1 — plan « %2 »</source>
        <translation type="vanished">%1 — plan “%2”</translation>
    </message>
    <message>
        <source>À propos de Maillage</source>
        <translation type="vanished">About Maillage</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Planifier le réseau d&apos;accueil des services publics d&apos;un département : points d&apos;accueil, temps d&apos;accès par la route, zones à plus de 20 minutes d&apos;un lieu de deuxième niveau et population concernée.&lt;/p&gt;&lt;p&gt;Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</source>
        <translation type="vanished">&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Plan a département&apos;s network of public-service help desks: accueil points, access times by road, zones more than 20 minutes from a second-level place and the people living there.&lt;/p&gt;&lt;p&gt;Data: IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>maillage::gui::MapStatus</name>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="23"/>
        <source>Position du curseur en Lambert-93 (mètres)</source>
        <translation>Cursor position in Lambert-93 (metres)</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="25"/>
        <source>Position du curseur en WGS84 (degrés)</source>
        <translation>Cursor position in WGS84 (degrees)</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="26"/>
        <source>Échelle de la carte à l&apos;écran</source>
        <translation>Map scale on screen</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="33"/>
        <source>L93 %1 ; %2</source>
        <translation>L93 %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="34"/>
        <source>%1° N ; %2° E</source>
        <translation>%1° N, %2° E</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_status.cpp" line="48"/>
        <source>1:%1</source>
        <translation>1:%1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::NetworkBuildIndicator</name>
    <message>
        <location filename="../../app/gui/network_build_indicator.cpp" line="35"/>
        <source>Réseau routier recalculé sans les routes fermées…</source>
        <translation>Rebuilding the road network without the closed roads…</translation>
    </message>
    <message>
        <location filename="../../app/gui/network_build_indicator.cpp" line="42"/>
        <source>Réseau routier recalculé : couverture à jour.</source>
        <translation>Road network rebuilt: coverage up to date.</translation>
    </message>
</context>
<context>
    <name>maillage::gui::NewProjectDialog</name>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="53"/>
        <location filename="../../app/gui/new_project_dialog.cpp" line="90"/>
        <location filename="../../app/gui/new_project_dialog.cpp" line="275"/>
        <source>Nouveau projet</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="87"/>
        <source>Fichier du projet</source>
        <translation>Project file</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="90"/>
        <source>Projet Maillage (*.gpkg)</source>
        <translation>Maillage project (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="56"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="58"/>
        <source>EPCI (facultatif)</source>
        <translation>EPCI (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="59"/>
        <source>Département (facultatif)</source>
        <translation>Département (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="60"/>
        <source>Réseau routier (facultatif)</source>
        <translation>Road network (optional)</translation>
    </message>
    <message>
        <source>« generalised » pour un réseau simplifié (routes classées), « osm » pour OpenStreetMap.</source>
        <translation type="vanished">“generalised” for a simplified network (classified roads), “osm” for OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="108"/>
        <source>« osm » pour un réseau détaillé (OpenStreetMap, BD TOPO), « generalised » pour un réseau simplifié de routes classées ; automatique : choisi d&apos;après la densité du réseau.</source>
        <translation>“osm” for a detailed network (OpenStreetMap, BD TOPO), “generalised” for a simplified network of classified roads; automatic: chosen from the network&apos;s density.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="105"/>
        <source>automatique (selon la densité du réseau)</source>
        <translation>automatic (from the network&apos;s density)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="112"/>
        <source>Champ de la classe de route (valeurs OSM ou classes administratives françaises)</source>
        <translation>Road class field (OSM values or French administrative classes)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="114"/>
        <source>Champ du sens unique : yes/no, 1/0/-1, true/false, « sens unique », « double sens »… ; vide : le champ « oneway » s&apos;il existe</source>
        <translation>One-way field: yes/no, 1/0/-1, true/false, “sens unique”, “double sens”…; empty: the “oneway” field when there is one</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="116"/>
        <source>Champ d&apos;une vitesse en km/h qui remplace celle du profil (facultatif)</source>
        <translation>Field with a speed in km/h that replaces the profile&apos;s (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="118"/>
        <source>classe</source>
        <translation>class</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="120"/>
        <source>sens unique</source>
        <translation>one-way</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="122"/>
        <source>vitesse</source>
        <translation>speed</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="124"/>
        <source>Champs du réseau</source>
        <translation>Network fields</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="110"/>
        <source>Profil de vitesses</source>
        <translation>Speed profile</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="153"/>
        <source>Champs des communes (ADMIN EXPRESS par défaut)</source>
        <translation>Commune fields (ADMIN EXPRESS by default)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="156"/>
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="157"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="158"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="159"/>
        <source>SIREN de l&apos;EPCI</source>
        <translation>EPCI SIREN</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="65"/>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="66"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="173"/>
        <source>Couche du fichier</source>
        <translation>Layer of the file</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="174"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="270"/>
        <source>Choisissez le fichier du projet.</source>
        <translation>Choose the project file.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="272"/>
        <source>Le fichier %1 existe déjà : choisissez un autre nom.</source>
        <translation>The file %1 already exists: choose another name.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="273"/>
        <source>Choisissez le fichier des communes.</source>
        <translation>Choose the communes file.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="132"/>
        <source>Population carroyée (facultatif)</source>
        <translation>Gridded population (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="135"/>
        <source>Carreaux INSEE (Filosofi 200 m ou 1 km, CSV ou GeoPackage), raster de population (GHSL, WorldPop) ou couche avec un champ de population</source>
        <translation>INSEE squares (Filosofi 200 m or 1 km, CSV or GeoPackage), a population raster (GHSL, WorldPop) or a layer with a population field</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="137"/>
        <source>Bâtiments (facultatif)</source>
        <translation>Buildings (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="139"/>
        <source>Bâtiments (points ou polygones) où placer les habitants de chaque commune</source>
        <translation>Buildings (points or polygons) where each commune&apos;s inhabitants are placed</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="146"/>
        <source>Les emprises plus petites (abris, garages) ne comptent pas comme logements</source>
        <translation>Smaller footprints (sheds, garages) do not count as dwellings</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="147"/>
        <source>Surface minimale d&apos;un bâtiment</source>
        <translation>Smallest building footprint</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PdfExportDialog</name>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="69"/>
        <source>points projetés compris</source>
        <translation>planned points included</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="83"/>
        <source>situation actuelle</source>
        <translation>current situation</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="86"/>
        <source>Atlas : une page par EPCI</source>
        <translation>Atlas: one page per EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="87"/>
        <source>Page de comparaison avec la situation actuelle</source>
        <translation>Comparison page with the current situation</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="95"/>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="383"/>
        <source>Exporter la carte en PDF</source>
        <translation>Export the map as PDF</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="131"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="132"/>
        <source>Paysage</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="133"/>
        <source>titre fait du territoire et du niveau</source>
        <translation>title made from the territory and the level</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="136"/>
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="143"/>
        <source>Papier</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="144"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="150"/>
        <source>Une page de plus : ce que le plan « %1 » change par rapport à la situation actuelle (zones gagnées et perdues, habitants par EPCI).</source>
        <translation>One more page: what plan « %1 » changes compared with the current situation (zones gained and lost, inhabitants per EPCI).</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="153"/>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="259"/>
        <source>Affichez un plan pour le comparer à la situation actuelle.</source>
        <translation>Show a plan to compare it with the current situation.</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="154"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="155"/>
        <source>Points dessinés</source>
        <translation>Points drawn</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="157"/>
        <source>La carte reprend les couches visibles, leur ordre et leur opacité, le niveau, le seuil et les points comptés dans l&apos;application. Le PDF est vectoriel : textes sélectionnables, traits nets à tout zoom.</source>
        <translation>The map shows the visible layers, their order and opacity, the level, the threshold and the points counted in the application. The PDF is vector: selectable text, sharp lines at any zoom.</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="162"/>
        <source>Mise en page</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="175"/>
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="185"/>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="195"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="209"/>
        <source>Comparaison impossible</source>
        <translation>Comparison not possible</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="285"/>
        <source>Il faut un projet avec un réseau routier pour comparer des scénarios.</source>
        <translation>Comparing scenarios needs a project with a road network.</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="325"/>
        <source> / %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="372"/>
        <source>carte</source>
        <translation>map</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="374"/>
        <source> - atlas</source>
        <translation> - atlas</translation>
    </message>
    <message>
        <source>atlas.pdf</source>
        <translation type="vanished">atlas.pdf</translation>
    </message>
    <message>
        <source>carte.pdf</source>
        <translation type="vanished">map.pdf</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="383"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="391"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PlanningController</name>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="71"/>
        <source>Choisir un &amp;tronçon</source>
        <translation>Pick a road &amp;segment</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="76"/>
        <source>Cliquer près d&apos;une route pour choisir son tronçon, puis le fermer ou le rouvrir dans le plan</source>
        <translation>Click near a road to pick its segment, then close or reopen it in the plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="90"/>
        <source>Le scénario affiché et modifié</source>
        <translation>The scenario shown and edited</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="104"/>
        <source>Scénarios</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="110"/>
        <source>Suggérer des sites</source>
        <translation>Suggest sites</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="115"/>
        <source>Comparer deux scénarios</source>
        <translation>Compare two scenarios</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="135"/>
        <source>P&amp;lans</source>
        <translation>P&amp;lans</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="137"/>
        <source>&amp;Nouveau plan…</source>
        <translation>&amp;New plan…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="139"/>
        <source>&amp;Copier le scénario…</source>
        <translation>&amp;Copy the scenario…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="141"/>
        <source>&amp;Renommer le plan…</source>
        <translation>&amp;Rename the plan…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="142"/>
        <source>&amp;Supprimer le plan…</source>
        <translation>&amp;Delete the plan…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="145"/>
        <source>&amp;Fermer des routes…</source>
        <translation>&amp;Close roads…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="149"/>
        <source>&amp;Préréglages de fermeture</source>
        <translation>Closure &amp;presets</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="162"/>
        <source>Passer la sélection en &amp;France services (plan)</source>
        <translation>Make the selection &amp;France services (plan)</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="165"/>
        <source>Dans le plan affiché, les points choisis (mairie, agence postale…) deviennent des France services, lieux de deuxième niveau</source>
        <translation>In the plan shown, the selected points (town hall, post office agency…) become France services, second-level places</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="168"/>
        <source>Su&amp;ggérer des sites…</source>
        <translation>Su&amp;ggest sites…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="172"/>
        <source>C&amp;omparer deux scénarios…</source>
        <translation>C&amp;ompare two scenarios…</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="244"/>
        <source> Plan : %1 </source>
        <translation> Plan: %1 </translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="244"/>
        <source> Situation actuelle </source>
        <translation> Current situation </translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="264"/>
        <source>route sans numéro</source>
        <translation>unnumbered road</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="271"/>
        <source>%1, tronçon de %2 km</source>
        <translation>%1, %2 km segment</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="285"/>
        <source>Aucune route à cet endroit : cliquez plus près d&apos;une route.</source>
        <translation>No road here: click nearer to a road.</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="290"/>
        <source>Tronçon choisi : %1</source>
        <translation>Segment picked: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="317"/>
        <source>fermeture d&apos;un tronçon de la %1</source>
        <translation>close a segment of the %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="336"/>
        <source>Fermer ce tronçon dans le plan « %1 »</source>
        <translation>Close this segment in plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="339"/>
        <source>Rouvrir ce tronçon</source>
        <translation>Reopen this segment</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="343"/>
        <source>Rouvrir « %1 » (toute la fermeture)</source>
        <translation>Reopen “%1” (the whole closure)</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="353"/>
        <location filename="../../app/gui/planning_controller.cpp" line="376"/>
        <source>Fermer des routes</source>
        <translation>Close roads</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="354"/>
        <location filename="../../app/gui/planning_controller.cpp" line="377"/>
        <source>Les routes se ferment dans un plan : choisissez ou créez un plan d&apos;abord.</source>
        <translation>Roads are closed in a plan: choose or create a plan first.</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="361"/>
        <source>préréglage « %1 »</source>
        <translation>preset “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/planning_controller.cpp" line="409"/>
        <source>« %1 » passe en France services</source>
        <translation>“%1” becomes France services</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/planning_controller.cpp" line="410"/>
        <source>%n points passent en France services</source>
        <translation>
            <numerusform>%n point becomes France services</numerusform>
            <numerusform>%n points become France services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointEditing</name>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="38"/>
        <source>Type des points ajoutés sur la carte</source>
        <translation>Kind of the points added on the map</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="77"/>
        <source>Ce point est à %1 km de la route la plus proche, au-delà de la limite de %2 km : il ne sera pas pris en compte dans la couverture.</source>
        <translation>This point is %1 km from the nearest road, beyond the %2 km limit: it will not count in the coverage.</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="83"/>
        <source>Point loin de toute route</source>
        <translation>Point far from any road</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="84"/>
        <source>Placer sur la route la plus proche</source>
        <translation>Place it on the nearest road</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="85"/>
        <source>Garder ici (laissé de côté)</source>
        <translation>Keep it here (left out)</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="101"/>
        <source>%1 (projet) — %2</source>
        <translation>%1 (planned) — %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_editing.cpp" line="101"/>
        <source>%1 (projet)</source>
        <translation>%1 (planned)</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointForm</name>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="67"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="70"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="52"/>
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="53"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="55"/>
        <source>ex. lun 09:00-12:00; mar 14:00-17:00</source>
        <translation>e.g. lun 09:00-12:00; mar 14:00-17:00</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="96"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="97"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="98"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="99"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="100"/>
        <source>Heures par semaine</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="101"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="102"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="103"/>
        <source>Opérateurs en visio</source>
        <translation>Operators by video</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="59"/>
        <source>ex. caf;cpam;france_travail</source>
        <translation>e.g. caf;cpam;france_travail</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="60"/>
        <location filename="../../app/gui/point_form.cpp" line="282"/>
        <source>Opérateurs de niveau 3 que l&apos;on rencontre ici en visio (codes séparés par « ; »)</source>
        <translation>Level-3 operators people meet here by video (codes separated by “;”)</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="104"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="105"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_form.cpp" line="177"/>
        <source>%n points sélectionnés.</source>
        <translation>
            <numerusform>%n point selected.</numerusform>
            <numerusform>%n points selected.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="198"/>
        <source>Plan « %1 » : ce point de la situation actuelle peut y être fermé ou changer de niveau et de type ; le reste se modifie dans la situation actuelle.</source>
        <translation>Plan “%1”: this point of the current situation can be closed in the plan or change level and kind; the rest is edited in the current situation.</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="201"/>
        <source>Point projeté du plan « %1 ».</source>
        <translation>Planned point of plan “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="203"/>
        <source>Sélectionnez un point sur la carte ou dans la table.</source>
        <translation>Select a point on the map or in the table.</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="208"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="225"/>
        <source>%1
Lambert-93 : %2 ; %3
WGS84 : %4 ; %5%6</source>
        <translation>%1
Lambert-93: %2, %3
WGS84: %4, %5%6</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="226"/>
        <source>hors du territoire</source>
        <translation>outside the territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="231"/>
        <source>
Source : %1 %2</source>
        <translation>
Source: %1 %2</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointsDock</name>
    <message>
        <location filename="../../app/gui/points_dock.cpp" line="17"/>
        <source>Points d&apos;accueil</source>
        <translation>Accueil points</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_dock.cpp" line="39"/>
        <source>Filtrer (nom, type, commune…)</source>
        <translation>Filter (name, kind, commune…)</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointsModel</name>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="44"/>
        <source>Hors du territoire</source>
        <translation>Outside the territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="56"/>
        <source>(hors territoire)</source>
        <translation>(outside)</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="70"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="71"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="72"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="73"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="74"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="75"/>
        <source>Heures / sem.</source>
        <translation>Hours / week</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="76"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>maillage::gui::Project</name>
    <message>
        <location filename="../../app/gui/project.cpp" line="105"/>
        <source>le point n° %1 n&apos;est pas dans le plan « %2 »</source>
        <translation>point #%1 is not in plan “%2”</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="127"/>
        <source>le point n° %1 n&apos;existe plus dans le projet</source>
        <translation>point #%1 is no longer in the project</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="133"/>
        <source>dans le plan « %1 », « %2 » peut être fermé ou changer de niveau et de type ; ses autres attributs et sa position se modifient dans la situation actuelle</source>
        <translation>in plan “%1”, “%2” can be closed or change level and kind; its other attributes and its position are edited in the current situation</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="137"/>
        <source>dans le plan « %1 », « %2 » est existant ou fermé, pas projeté</source>
        <translation>in plan “%1”, “%2” is existing or closed, not planned</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="236"/>
        <source>le projet n&apos;a pas de plan « %1 »</source>
        <translation>the project has no plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="387"/>
        <source>impossible de copier le projet vers %1</source>
        <translation>cannot copy the project to %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ProjectFileWatcher</name>
    <message>
        <location filename="../../app/gui/project_file_watcher.cpp" line="80"/>
        <source>Projet modifié</source>
        <translation>Project changed</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_file_watcher.cpp" line="81"/>
        <source>Le fichier du projet %1 a été modifié par un autre programme (un import, par exemple). Le relire pour voir ces changements ? L&apos;historique des annulations sera vidé ; rien de ce qui est enregistré n&apos;est perdu.</source>
        <translation>The project file %1 was changed by another program (an import, for example). Read it again to see these changes? The undo history will be cleared; nothing saved is lost.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_file_watcher.cpp" line="86"/>
        <source>Relire le projet</source>
        <translation>Read the project again</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_file_watcher.cpp" line="87"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ProjectSession</name>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="79"/>
        <source>le fichier %1 n&apos;existe pas</source>
        <translation>the file %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="77"/>
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="92"/>
        <source>Ouverture de %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="112"/>
        <source>Préparation de la démo 04…</source>
        <translation>Preparing the 04 demo…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="123"/>
        <source>Création de %1…</source>
        <translation>Creating %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="162"/>
        <source>Modification refusée</source>
        <translation>Change refused</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="199"/>
        <source>Ouvrir un projet</source>
        <translation>Open a project</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="219"/>
        <source>Toutes les modifications sont enregistrées dans %1.</source>
        <translation>All changes are saved in %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="226"/>
        <source>Enregistrer le projet sous</source>
        <translation>Save the project as</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="233"/>
        <source>impossible de remplacer %1 (fichier protégé ou ouvert ?)</source>
        <translation>cannot replace %1 (file protected or in use?)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="236"/>
        <source>Copie du projet partagé enregistrée dans %1 ; vous continuez sur le serveur.</source>
        <translation>Copy of the shared project saved in %1; you keep working on the server.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="242"/>
        <source>Projet enregistré sous %1.</source>
        <translation>Project saved as %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="260"/>
        <source>Modifications abandonnées : %1 est revenu à son dernier enregistrement.</source>
        <translation>Changes discarded: %1 is back to its last save.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="267"/>
        <source>Modifications du projet</source>
        <translation>Project changes</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="268"/>
        <source>Les modifications faites depuis le dernier enregistrement de %1 sont déjà écrites dans le projet. Les garder, ou les abandonner pour revenir à l&apos;état enregistré ?</source>
        <translation>The changes made since %1 was last saved are already written to the project. Keep them, or discard them and go back to the saved state?</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="272"/>
        <source>Garder les modifications</source>
        <translation>Keep changes</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="273"/>
        <source>Abandonner les modifications</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="314"/>
        <source>%1 (partagé)</source>
        <translation>%1 (shared)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_session.cpp" line="229"/>
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ProjectStatus</name>
    <message>
        <location filename="../../app/gui/project_status.cpp" line="18"/>
        <source>Calcul de couverture : %1</source>
        <translation>Coverage computation: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_status.cpp" line="25"/>
        <source>%1 : %2 communes, %3 habitants, %4 points d&apos;accueil</source>
        <translation>%1: %2 communes, %3 inhabitants, %4 accueil points</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_status.cpp" line="35"/>
        <source>Réseau d&apos;accueil</source>
        <translation>Accueil network</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_status.cpp" line="40"/>
        <source>%1 — plan « %2 »</source>
        <translation>%1 — plan “%2”</translation>
    </message>
</context>
<context>
    <name>maillage::gui::RoadClosureDialog</name>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="107"/>
        <source>Fermer des routes dans le plan « %1 »</source>
        <translation>Close roads in plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="108"/>
        <source>Filtrer : col, D908, N85…</source>
        <translation>Filter: col, D908, N85…</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="111"/>
        <source>ex. fermée de novembre à mai</source>
        <translation>e.g. closed from November to May</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="125"/>
        <source>Route ou col</source>
        <translation>Road or pass</translation>
    </message>
    <message>
        <source>Tronçons</source>
        <translation type="vanished">Segments</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="125"/>
        <source>Longueur</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="125"/>
        <source>Communes traversées</source>
        <translation>Communes crossed</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="41"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/road_closure_dialog.cpp" line="48"/>
        <source>%1… (%n communes)</source>
        <translation>
            <numerusform>%1… (%n commune)</numerusform>
            <numerusform>%1… (%n communes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="182"/>
        <source>Cocher</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="191"/>
        <source>Préréglage</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="192"/>
        <source>Filtre</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="194"/>
        <source>Fermer les routes cochées</source>
        <translation>Close the roads checked</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="195"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="199"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="283"/>
        <source>fermeture de %1</source>
        <translation>close %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/road_closure_dialog.cpp" line="305"/>
        <source>%n route(s) ou col(s) coché(s)</source>
        <translation>
            <numerusform>%n road or pass checked</numerusform>
            <numerusform>%n roads or passes checked</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/road_closure_dialog.cpp" line="307"/>
        <source>%1 : %2 km de routes fermées (%3)</source>
        <translation>%1: %2 km of road closed (%3)</translation>
    </message>
</context>
<context>
    <name>maillage::gui::ScenarioPanel</name>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="50"/>
        <source>Nouveau…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="51"/>
        <source>Copier…</source>
        <translation>Copy…</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="52"/>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="53"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="57"/>
        <source>Fermer des routes…</source>
        <translation>Close roads…</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="59"/>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="73"/>
        <source>Scénario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="73"/>
        <source>Contenu</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="80"/>
        <source>Cliquez sur un scénario pour l&apos;afficher : la carte, la table des points, les statistiques et la couverture sont celles du scénario choisi.</source>
        <translation>Click a scenario to show it: the map, the points table, the statistics and the coverage are those of the scenario chosen.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="82"/>
        <source>Nouveau plan, vide : la situation actuelle, prête à être modifiée</source>
        <translation>New empty plan: the current situation, ready to be changed</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="83"/>
        <source>Nouveau plan, copie du scénario choisi</source>
        <translation>New plan, a copy of the scenario chosen</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="84"/>
        <source>Supprimer le plan choisi (la situation actuelle ne peut pas l&apos;être)</source>
        <translation>Delete the plan chosen (the current situation cannot be deleted)</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="101"/>
        <source>Fermer des routes par leur numéro (D908…) ou par un préréglage (cols fermés l&apos;hiver)</source>
        <translation>Close roads by their number (D908…) or by a preset (passes closed in winter)</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="103"/>
        <source>Rouvrir les routes choisies dans la liste</source>
        <translation>Reopen the roads chosen in the list</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="112"/>
        <source>&lt;b&gt;Routes fermées dans le plan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Roads closed in the plan&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="153"/>
        <source>Nouveau plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="153"/>
        <source>Nom du plan :</source>
        <translation>Name of the plan:</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="153"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="162"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="161"/>
        <source>Copier le scénario</source>
        <translation>Copy the scenario</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="161"/>
        <source>Nom de la copie de « %1 » :</source>
        <translation>Name of the copy of “%1”:</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="170"/>
        <source>Renommer le plan</source>
        <translation>Rename the plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="170"/>
        <source>Nouveau nom de « %1 » :</source>
        <translation>New name of “%1”:</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="201"/>
        <source>%1 à moins de %2 km</source>
        <translation>%1 within %2 km</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="202"/>
        <source>%1 sur toute sa longueur</source>
        <translation>%1 over its whole length</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="204"/>
        <source>tronçon le plus proche d&apos;un lieu</source>
        <translation>segment nearest to a place</translation>
    </message>
    <message>
        <source>tronçon choisi sur la carte</source>
        <translation type="vanished">segment picked on the map</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="205"/>
        <source>tronçon n° %1</source>
        <translation>segment #%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="207"/>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="217"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="219"/>
        <source>Les points du projet tels qu&apos;ils sont</source>
        <translation>The project&apos;s points as they are</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="241"/>
        <source>Plan « %1 » affiché : les points ajoutés, déplacés, fermés ou changés de niveau vont dans ce plan ; la situation actuelle ne change pas.</source>
        <translation>Plan “%1” shown: points added, moved, closed or given another level go into this plan; the current situation does not change.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="244"/>
        <source>Situation actuelle affichée : les modifications s&apos;appliquent aux points du projet. Créez un plan pour essayer des changements.</source>
        <translation>Current situation shown: edits apply to the project&apos;s points. Create a plan to try changes.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="266"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="269"/>
        <source> — aucune route trouvée</source>
        <translation> — no road found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="267"/>
        <source> — %n tronçon(s), %1 km</source>
        <translation>
            <numerusform> — %n segment, %1 km</numerusform>
            <numerusform> — %n segments, %1 km</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="274"/>
        <source>Aucune : toutes les routes sont ouvertes.</source>
        <translation>None: every road is open.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="313"/>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="329"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="341"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="352"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="364"/>
        <source>Aucun projet ouvert.</source>
        <translation>No project open.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="343"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="355"/>
        <source>Un plan a besoin d&apos;un nom.</source>
        <translation>A plan needs a name.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="344"/>
        <location filename="../../app/gui/scenario_panel.cpp" line="357"/>
        <source>Le projet a déjà un scénario « %1 ».</source>
        <translation>The project already has a scenario “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="354"/>
        <source>La situation actuelle ne peut pas être renommée.</source>
        <translation>The current situation cannot be renamed.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="366"/>
        <source>La situation actuelle ne peut pas être supprimée.</source>
        <translation>The current situation cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="367"/>
        <source>Le projet n&apos;a pas de plan « %1 ».</source>
        <translation>The project has no plan “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="369"/>
        <source>Supprimer le plan</source>
        <translation>Delete the plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="370"/>
        <source>Supprimer le plan « %1 » avec tous ses changements ?
(Édition › Annuler le rétablit.)</source>
        <translation>Delete plan “%1” with all its changes?
(Edit › Undo brings it back.)</translation>
    </message>
    <message>
        <location filename="../../app/gui/scenario_panel.cpp" line="388"/>
        <source>Les routes se ferment dans un plan : choisissez ou créez un plan.</source>
        <translation>Roads are closed in a plan: choose or create a plan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/scenario_panel.cpp" line="402"/>
        <source>%n route(s) rouverte(s) dans le plan « %1 »</source>
        <translation>
            <numerusform>reopen %n road in plan “%1”</numerusform>
            <numerusform>reopen %n roads in plan “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::gui::SensitivityDialog</name>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="28"/>
        <source>Carreaux INSEE</source>
        <translation>INSEE squares</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="29"/>
        <source>Bâtiments</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="30"/>
        <source>Répartie près des routes</source>
        <translation>Spread near the roads</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="31"/>
        <source>À la mairie</source>
        <translation>At the town hall</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="38"/>
        <source>au-delà quelle que soit l&apos;hypothèse</source>
        <translation>beyond whatever the assumption</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="39"/>
        <source>limite : selon l&apos;hypothèse</source>
        <translation>borderline: depends on the assumption</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="59"/>
        <source>Sensibilité de la population au-delà du seuil</source>
        <translation>Sensitivity of the population beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="63"/>
        <source>Méthodes de population</source>
        <translation>Population methods</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="64"/>
        <source>Dernier calcul complet (vitesses ±10 %)</source>
        <translation>Last full run (speeds ±10 %)</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="76"/>
        <source>Aucune couverture calculée : ouvrez un projet avec un réseau routier.</source>
        <translation>No coverage computed: open a project with a road network.</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="93"/>
        <source>Habitants à plus de %1 min d&apos;un lieu de niveau %2 selon la façon de placer la population (chaque méthode garde la population légale de chaque commune). Méthode du projet : %3.</source>
        <translation>Inhabitants more than %1 min from a level %2 place depending on how the population is placed (every method keeps each commune&apos;s legal population). The project&apos;s method: %3.</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="100"/>
        <source>Zone</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="100"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="102"/>
        <source>Écart</source>
        <translation>Range</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="102"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="129"/>
        <source>Pas encore de table : lancez &lt;tt&gt;maillage coverage --sensitivity&lt;/tt&gt; sur ce projet pour comparer aussi les temps avec des vitesses 10 % plus basses et plus hautes.</source>
        <translation>No table yet: run &lt;tt&gt;maillage coverage --sensitivity&lt;/tt&gt; on this project to compare the times with speeds 10 % lower and higher too.</translation>
    </message>
    <message>
        <location filename="../../app/gui/sensitivity_dialog.cpp" line="134"/>
        <source>Table écrite par le dernier &lt;tt&gt;maillage coverage --sensitivity&lt;/tt&gt; sur ce projet (population au-delà par méthode et avec des vitesses routières de −10 % et +10 %).</source>
        <translation>Table written by the last &lt;tt&gt;maillage coverage --sensitivity&lt;/tt&gt; on this project (population beyond by method and with road speeds −10 % and +10 %).</translation>
    </message>
</context>
<context>
    <name>maillage::gui::SharedProjectDialog</name>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="17"/>
        <source>Ouvrir un projet partagé</source>
        <translation>Open a shared project</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="20"/>
        <source>Un projet partagé par une équipe est enregistré dans une base PostgreSQL/PostGIS. Indiquez son adresse ou le nom de son service :</source>
        <translation>A project shared by a team is kept in a PostgreSQL/PostGIS database. Give its address or the name of its service:</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="32"/>
        <source>Exemples : &lt;tt&gt;postgresql://planificateur@serveur.example.fr/sig?schema=maillage_04&lt;/tt&gt; ou un nom de service, &lt;tt&gt;maillage04&lt;/tt&gt; (entrée de &lt;tt&gt;~/.pg_service.conf&lt;/tt&gt;), suivi au besoin de &lt;tt&gt;?schema=…&lt;/tt&gt;.</source>
        <translation>Examples: &lt;tt&gt;postgresql://planner@server.example.fr/sig?schema=maillage_04&lt;/tt&gt; or a service name, &lt;tt&gt;maillage04&lt;/tt&gt; (an entry of &lt;tt&gt;~/.pg_service.conf&lt;/tt&gt;), followed if needed by &lt;tt&gt;?schema=…&lt;/tt&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="40"/>
        <source>Aucun mot de passe n&apos;est demandé ni enregistré par Maillage : PostgreSQL le lit dans &lt;tt&gt;~/.pgpass&lt;/tt&gt; ou dans le fichier des services (&lt;tt&gt;~/.pg_service.conf&lt;/tt&gt;). Une adresse contenant un mot de passe est refusée.</source>
        <translation>Maillage neither asks for nor keeps any password: PostgreSQL reads it from &lt;tt&gt;~/.pgpass&lt;/tt&gt; or from the service file (&lt;tt&gt;~/.pg_service.conf&lt;/tt&gt;). An address holding a password is refused.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="55"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="56"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="78"/>
        <source>Indiquez l&apos;adresse du projet ou le nom de son service.</source>
        <translation>Give the project&apos;s address or the name of its service.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="81"/>
        <source>Ce n&apos;est pas l&apos;adresse d&apos;un serveur : un fichier de projet s&apos;ouvre par Projet › Ouvrir….</source>
        <translation>This is not a server address: a project file is opened with Project › Open….</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_dialog.cpp" line="83"/>
        <source>Adresse non reconnue : %1</source>
        <translation>Address not recognised: %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::SharedProjectMonitor</name>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="27"/>
        <source>Le rôle PostgreSQL « %1 » n&apos;a que le droit de lecture sur ce projet : vous pouvez le consulter, calculer et exporter, pas le modifier (demandez l&apos;accès en écriture au responsable du projet).</source>
        <translation>The PostgreSQL role “%1” may only read this project: you can view it, compute and export, not edit it (ask the project&apos;s owner for write access).</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="32"/>
        <source>Le fichier du projet est en lecture seule : vous pouvez le consulter, calculer et exporter, pas le modifier.</source>
        <translation>The project file is read-only: you can view it, compute and export, not edit it.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="132"/>
        <source>Lecture seule</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="223"/>
        <source>Plans modifiés par d&apos;autres planificateurs : les plans, les routes fermées, la carte et les statistiques sont à jour.</source>
        <translation>Plans changed by other planners: the plans, the closed roads, the map and the statistics are up to date.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/shared_project_monitor.cpp" line="227"/>
        <source>%n point(s) et des plans modifiés par d&apos;autres planificateurs : la carte et les statistiques sont à jour.</source>
        <translation>
            <numerusform>%n point and plans changed by other planners: the map and the statistics are up to date.</numerusform>
            <numerusform>%n points and plans changed by other planners: the map and the statistics are up to date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/shared_project_monitor.cpp" line="231"/>
        <source>%n point(s) modifié(s) par d&apos;autres planificateurs : la carte et les statistiques sont à jour.</source>
        <translation>
            <numerusform>%n point changed by other planners: the map and the statistics are up to date.</numerusform>
            <numerusform>%n points changed by other planners: the map and the statistics are up to date.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="243"/>
        <source>Reconnexion impossible : %1</source>
        <translation>Cannot reconnect: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="249"/>
        <source>Reconnecté au serveur : les points sont relus.</source>
        <translation>Reconnected to the server: the points were read again.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="256"/>
        <source>n° %1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="257"/>
        <source>Point modifié par quelqu&apos;un d&apos;autre</source>
        <translation>Point changed by someone else</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="258"/>
        <source>« %1 » a été modifié par %2 depuis que vous l&apos;avez lu.</source>
        <translation>“%1” was changed by %2 since you read it.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="264"/>
        <source>Le plan « %1 » a été modifié par %2 depuis que vous l&apos;avez lu.</source>
        <translation>The plan “%1” was changed by %2 since you read it.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="275"/>
        <source>Votre modification n&apos;a pas été enregistrée, celle de %1 est gardée.

Relire le projet pour voir la version enregistrée, puis refaire votre modification si elle vaut toujours ?</source>
        <translation>Your change was not saved; %1&apos;s is kept.

Reload the project to see the saved version, then make your change again if it still holds?</translation>
    </message>
    <message>
        <source>« %1 » a été modifié par %2 depuis que vous l&apos;avez lu : votre modification n&apos;a pas été enregistrée, celle de %2 est gardée.

Relire le projet pour voir sa version, puis refaire votre modification si elle vaut toujours ?</source>
        <translation type="vanished">“%1” was changed by %2 since you read it: your change was not saved, %2&apos;s is kept.

Read the project again to see their version, then make your change again if it still holds?</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="279"/>
        <source>Relire le projet</source>
        <translation>Read the project again</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="279"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="263"/>
        <source>Plan modifié par quelqu&apos;un d&apos;autre</source>
        <translation>Plan changed by someone else</translation>
    </message>
    <message>
        <source>Le plan « %1 » a été modifié par %2 depuis que vous l&apos;avez lu : votre modification n&apos;a pas été enregistrée, celle de %2 est gardée.

Relire le projet pour voir le plan tel qu&apos;il est, puis refaire votre modification si elle vaut toujours ?</source>
        <translation type="vanished">Plan « %1 » was changed by %2 since you read it: your change was not saved, %2&apos;s is kept.

Read the project again to see the plan as it is, then make your change again if it still stands?</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="285"/>
        <source>la connexion a été perdue</source>
        <translation>the connection was lost</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="291"/>
        <source>Le serveur du projet ne répond plus : le projet reste affiché en lecture seule.</source>
        <translation>The project&apos;s server no longer answers: the project stays shown, read-only.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="292"/>
        <source>Serveur injoignable</source>
        <translation>Server unreachable</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="293"/>
        <source>Le serveur du projet %1 ne répond plus (%2).

Le projet reste affiché en lecture seule : vous pouvez continuer à le consulter. Rien de ce qui était enregistré n&apos;est perdu ; la modification en cours, elle, n&apos;a pas été enregistrée.</source>
        <translation>The server of project %1 no longer answers (%2).

The project stays shown, read-only: you can go on viewing it. Nothing saved is lost; the change under way was not saved.</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="297"/>
        <source>Reconnecter</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="297"/>
        <source>Continuer en lecture seule</source>
        <translation>Continue read-only</translation>
    </message>
    <message>
        <location filename="../../app/gui/shared_project_monitor.cpp" line="298"/>
        <source>toujours pas de réponse</source>
        <translation>still no answer</translation>
    </message>
</context>
<context>
    <name>maillage::gui::StatisticsPanel</name>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="89"/>
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="89"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="89"/>
        <source>Au-delà</source>
        <translation>Beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="89"/>
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Mairies au-delà</source>
        <translation type="vanished">Town halls beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="89"/>
        <source>Mairies
au-delà</source>
        <translation>Town halls
beyond</translation>
    </message>
    <message>
        <source>Habitants au-delà du seuil, la population de chaque commune étant répartie sur ses cellules habitables</source>
        <translation type="vanished">Inhabitants beyond the threshold, each commune&apos;s population spread over its inhabitable cells</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="73"/>
        <source>population de chaque commune répartie sur ses parties à moins de 2 km d&apos;une route</source>
        <translation>each commune&apos;s population spread over its parts within 2 km of a road</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="82"/>
        <source>Sensibilité…</source>
        <translation>Sensitivity…</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="83"/>
        <source>Accès et renvois…</source>
        <translation>Access and referrals…</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="91"/>
        <source>Habitants au-delà du seuil, la population placée selon la méthode du projet (voir le résumé)</source>
        <translation>Inhabitants beyond the threshold, the population placed by the project&apos;s method (see the summary)</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="93"/>
        <source>Population au-delà selon chaque méthode de placement de la population</source>
        <translation>Population beyond under each way of placing the population</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="97"/>
        <source>Depuis chaque siège d&apos;EPCI, le lieu le plus proche de chaque sorte (au guichet et en visio), et les renvois du niveau 1 au niveau 3</source>
        <translation>From each EPCI seat, the nearest place of each kind (at a desk and by video), and the referrals from level 1 to level 3</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="102"/>
        <source>Communes dont la mairie est au-delà du seuil (et leurs habitants, dans la bulle d&apos;aide de chaque ligne)</source>
        <translation>Communes whose town hall is beyond the threshold (and their inhabitants, in the tooltip of each row)</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="130"/>
        <source>Tableau</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="131"/>
        <source>Graphique</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="189"/>
        <source>Habitants au-delà du seuil</source>
        <translation>Inhabitants beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="218"/>
        <source>habitants au-delà du seuil</source>
        <translation>inhabitants beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="233"/>
        <source>Ouvrez un projet avec un réseau routier pour calculer la couverture.</source>
        <translation>Open a project with a road network to compute the coverage.</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="245"/>
        <source>&lt;b&gt;Aucun point de niveau %1&lt;/b&gt; dans le projet : toute la population est au-delà du seuil. Ajoutez les lieux de ce niveau sur la carte ou importez-les (Projet › Importer des points).</source>
        <translation>&lt;b&gt;No level %1 point&lt;/b&gt; in the project: the whole population is beyond the threshold. Add the places of this level on the map or import them (Project › Import points).</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="250"/>
        <source>&lt;b&gt;%1 habitants (%2)&lt;/b&gt; à plus de %3 min d&apos;un lieu de niveau %4 ; %5 communes dont la mairie est au-delà (%6 habitants).&lt;br&gt;&lt;small&gt;%7 points de niveau %4 pris en compte%8 · calcul en %9 ms&lt;br&gt;%10&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1 inhabitants (%2)&lt;/b&gt; more than %3 min from a level %4 place; %5 communes whose town hall is beyond (%6 inhabitants).&lt;br&gt;&lt;small&gt;%7 level %4 points counted%8 · computed in %9 ms&lt;br&gt;%10&lt;/small&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/statistics_panel.cpp" line="269"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n point(s) laissé(s) de côté&lt;/b&gt; : trop loin de toute route du réseau du projet pour y être relié(s) (dans un vide routier : rapprochez-le(s) d&apos;une route).&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n point left out&lt;/b&gt;: too far from any road of the project&apos;s network to be joined to it (in a road gap: move it closer to a road).&lt;/span&gt;</numerusform>
            <numerusform>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n points left out&lt;/b&gt;: too far from any road of the project&apos;s network to be joined to it (in a road gap: move them closer to a road).&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/statistics_panel.cpp" line="275"/>
        <source>&lt;br&gt;&lt;small&gt;%n point(s) hors du territoire non pris en compte : au-delà des routes du réseau du projet.&lt;/small&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;small&gt;%n point outside the territory not counted: beyond the roads of the project&apos;s network.&lt;/small&gt;</numerusform>
            <numerusform>&lt;br&gt;&lt;small&gt;%n points outside the territory not counted: beyond the roads of the project&apos;s network.&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="304"/>
        <source>%1
%2 habitants au-delà (population placée selon la méthode du projet)
%3 habitants dans les %4 communes dont la mairie est au-delà</source>
        <translation>%1
%2 inhabitants beyond (population placed by the project&apos;s method)
%3 inhabitants in the %4 communes whose town hall is beyond</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 habitants (%2)&lt;/b&gt; à plus de %3 min d&apos;un lieu de niveau %4 ; %5 communes dont la mairie est au-delà (%6 habitants).&lt;br&gt;&lt;small&gt;%7 points de niveau %4 pris en compte%8 · calcul en %9 ms&lt;/small&gt;</source>
        <translation type="vanished">&lt;b&gt;%1 inhabitants (%2)&lt;/b&gt; more than %3 min from a level %4 place; %5 communes whose town hall is beyond (%6 inhabitants).&lt;br&gt;&lt;small&gt;%7 level %4 points counted%8 · computed in %9 ms&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="260"/>
        <source> (projets compris)</source>
        <translation> (planned included)</translation>
    </message>
    <message>
        <source>%1
%2 habitants au-delà (population répartie sur les cellules habitables)
%3 habitants dans les %4 communes dont la mairie est au-delà</source>
        <translation type="vanished">%1
%2 inhabitants beyond (population spread over the inhabitable cells)
%3 inhabitants in the %4 communes whose town hall is beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="291"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n point(s) laissé(s) de côté&lt;/b&gt; : trop loin de toute route du réseau du projet pour y être relié(s) (hors de la zone du réseau, ou dans un vide routier : rapprochez-le(s) d&apos;une route).&lt;/span&gt;</source>
        <translation type="vanished">
            <numerusform>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n point left out&lt;/b&gt;: too far from any road of the project&apos;s network to be joined to it (outside the network&apos;s area, or in a road gap: move it closer to a road).&lt;/span&gt;</numerusform>
            <numerusform>&lt;br&gt;&lt;span style=&quot;color:#b00020&quot;&gt;&lt;b&gt;%n points left out&lt;/b&gt;: too far from any road of the project&apos;s network to be joined to it (outside the network&apos;s area, or in a road gap: move them closer to a road).&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::gui::SuggestionPanel</name>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="121"/>
        <source>Au plus un site par commune</source>
        <translation>At most one site per commune</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="123"/>
        <source>Aussi dans les communes qui ont déjà un lieu du niveau</source>
        <translation>Also in communes that already have a place of the level</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="56"/>
        <source>Suggérer</source>
        <translation>Suggest</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="126"/>
        <source>Ajouter au plan</source>
        <translation>Add to the plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="104"/>
        <source>Niveau %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="109"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="111"/>
        <source>Mairies</source>
        <translation>Town halls</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="112"/>
        <source>Points La Poste</source>
        <translation>La Poste points</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="113"/>
        <source>Mairies et points La Poste</source>
        <translation>Town halls and La Poste points</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="114"/>
        <source>Les lieux où un nouveau lieu du niveau pourrait s&apos;installer</source>
        <translation>The places where a new place of the level could open</translation>
    </message>
    <message>
        <source>répartie sur les cellules habitées</source>
        <translation type="vanished">spread over the inhabited cells</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="116"/>
        <source>répartie près des routes</source>
        <translation>spread near roads</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="117"/>
        <source>à la mairie</source>
        <translation>at the town hall</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="119"/>
        <source>Où la population est comptée (voir les statistiques : « population répartie » ou « à la mairie »)</source>
        <translation>Where people are counted (see the statistics: “spread” or “at the town hall”)</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="136"/>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="136"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="136"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="136"/>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="136"/>
        <source>Cumul</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="138"/>
        <source>Habitants amenés sous le seuil par ce site, après ceux qui le précèdent</source>
        <translation>People this site brings within the threshold, after the sites before it</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="139"/>
        <source>Habitants amenés sous le seuil par les sites jusqu&apos;à celui-ci</source>
        <translation>People the sites up to this one bring within the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="150"/>
        <source>Nombre de sites</source>
        <translation>Number of sites</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="153"/>
        <source>à moins de</source>
        <translation>within</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="156"/>
        <source>Lieux de</source>
        <translation>Places of</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="157"/>
        <source>Candidats</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="158"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="162"/>
        <source>Les lieux existants sont conservés ; la suggestion part du scénario affiché.</source>
        <translation>Existing places are kept; the suggestion starts from the scenario shown.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="64"/>
        <location filename="../../app/gui/suggestion_panel.cpp" line="68"/>
        <source>Suggérer des sites</source>
        <translation>Suggest sites</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="71"/>
        <source>annulé</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Échec : %1</source>
        <translation type="vanished">Failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="78"/>
        <source>%1 ms, %2 candidats éligibles sur %3</source>
        <translation>%1 ms, %2 eligible candidates of %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="250"/>
        <source>Une suggestion est déjà en cours.</source>
        <translation>A suggestion is already running.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="251"/>
        <source>Il faut un projet avec un réseau routier pour suggérer des sites.</source>
        <translation>Suggesting sites needs a project with a road network.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="254"/>
        <source>Le scénario n&apos;a aucun candidat de ce type.</source>
        <translation>The scenario has no candidate of this kind.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="272"/>
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="304"/>
        <source>Cocher les sites à ajouter au plan</source>
        <translation>Check the sites to add to the plan</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="311"/>
        <source>Seul, ce site amènerait %1 habitants sous le seuil</source>
        <translation>On its own, this site would bring %1 people within the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="317"/>
        <source>population répartie</source>
        <translation>population spread</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="317"/>
        <source>population à la mairie</source>
        <translation>population at the town hall</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="321"/>
        <source>Aucun site n&apos;amène personne sous %1 min.</source>
        <translation>No site brings anyone within %1 min.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="322"/>
        <source>&lt;b&gt;%1&lt;/b&gt; : au-delà de %2 min d&apos;un lieu de niveau %3 (%4) : %5 → &lt;b&gt;%6&lt;/b&gt; habitants, soit &lt;b&gt;%7&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: beyond %2 min of a level %3 place (%4): %5 → &lt;b&gt;%6&lt;/b&gt; people, that is &lt;b&gt;%7&lt;/b&gt;.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/suggestion_panel.cpp" line="362"/>
        <source>Ajouter %n site(s) au plan « %1 »</source>
        <translation>
            <numerusform>Add %n site to plan “%1”</numerusform>
            <numerusform>Add %n sites to plan “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/suggestion_panel.cpp" line="363"/>
        <source>Ajouter %n site(s) à un nouveau plan</source>
        <translation>
            <numerusform>Add %n site to a new plan</numerusform>
            <numerusform>Add %n sites to a new plan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="381"/>
        <source>Lancez d&apos;abord une suggestion.</source>
        <translation>Run a suggestion first.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="393"/>
        <source>suggéré : +%1 habitants à moins de %2 min (gain marginal, rang %3)</source>
        <translation>suggested: +%1 people within %2 min (marginal gain, rank %3)</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="400"/>
        <source>Aucun site coché.</source>
        <translation>No site checked.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="405"/>
        <source>Suggestions k=%1</source>
        <translation>Suggestions k=%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/suggestion_panel.cpp" line="407"/>
        <source>%n site(s) suggéré(s) depuis « %1 »</source>
        <translation>
            <numerusform>%n site suggested from “%1”</numerusform>
            <numerusform>%n sites suggested from “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="413"/>
        <source>Les sites n&apos;ont pas pu être ajoutés au plan « %1 ».</source>
        <translation>The sites could not be added to plan “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="416"/>
        <source>Ajoutés au plan « %1 ».</source>
        <translation>Added to plan “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/gui/suggestion_panel.cpp" line="215"/>
        <source>Autre plan affiché : les suggestions précédentes sont effacées.</source>
        <translation>Another plan is shown: the previous suggestions are cleared.</translation>
    </message>
</context>
<context>
    <name>maillage::gui::UserGuideDialog</name>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="15"/>
        <source>Guide d&apos;utilisation</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="29"/>
        <source>Carreaux INSEE</source>
        <translation>INSEE squares</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="30"/>
        <source>Bâtiments</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="31"/>
        <source>Répartie près des routes</source>
        <translation>Spread near roads</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="32"/>
        <source>À la mairie</source>
        <translation>At the town hall</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="41"/>
        <source>&lt;p&gt;Le guide est introuvable dans l&apos;application (%1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;The guide is missing from the application (%1).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="43"/>
        <source>aucune, pas de couverture calculée</source>
        <translation>none, no coverage computed</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_guide.cpp" line="45"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>maillage::gui::UserMessages</name>
    <message>
        <location filename="../../app/gui/user_messages.cpp" line="27"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>maillage::gui::WelcomePanel</name>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="29"/>
        <source>&lt;h2&gt;Bienvenue dans Maillage&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Welcome to Maillage&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="31"/>
        <source>Planifiez le réseau d&apos;accueil des services publics d&apos;un département : les points d&apos;accueil, le temps pour les rejoindre par la route et les habitants à plus de 20 minutes d&apos;un lieu de deuxième niveau.</source>
        <translation>Plan a département&apos;s network of public-service help points: the help points, the time to reach them by road and the people more than 20 minutes from a second-level place.</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="42"/>
        <source>Ouvrir la démo des Alpes-de-Haute-Provence</source>
        <translation>Open the Alpes-de-Haute-Provence demo</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="43"/>
        <source>Le département 04 avec ses France services, ses mairies et son réseau routier, pour découvrir l&apos;application.</source>
        <translation>The 04 département with its France services, its town halls and its road network, to discover the application.</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="45"/>
        <source>Créer un projet…</source>
        <translation>Create a project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="46"/>
        <source>À partir des limites communales, d&apos;un réseau routier et de vos points d&apos;accueil.</source>
        <translation>From commune boundaries, a road network and your help points.</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="47"/>
        <source>Ouvrir un projet…</source>
        <translation>Open a project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="47"/>
        <source>Un projet Maillage (.gpkg) déjà créé.</source>
        <translation>A Maillage project (.gpkg) made before.</translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome_panel.cpp" line="51"/>
        <source>&lt;b&gt;Projets récents&lt;/b&gt;</source>
        <translation>&lt;b&gt;Recent projects&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>maillage::render::ChangeLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="308"/>
        <source>Changements d&apos;accès</source>
        <translation>Changes of access</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="349"/>
        <source>passe à moins de %1 min d&apos;un lieu de niveau %2</source>
        <translation>comes within %1 min of a level %2 place</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="351"/>
        <source>passe à plus de %1 min</source>
        <translation>goes beyond %1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="352"/>
        <source>reste à plus de %1 min</source>
        <translation>stays beyond %1 min</translation>
    </message>
</context>
<context>
    <name>maillage::render::ClosedRoadsLayer</name>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="40"/>
        <source>Routes fermées (plan)</source>
        <translation>Closed roads (plan)</translation>
    </message>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="98"/>
        <source>route fermée dans le plan</source>
        <translation>road closed in the plan</translation>
    </message>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="108"/>
        <source>tronçon choisi</source>
        <translation>segment picked</translation>
    </message>
</context>
<context>
    <name>maillage::render::CommuneLabelsLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="152"/>
        <source>Noms des communes</source>
        <translation>Commune names</translation>
    </message>
</context>
<context>
    <name>maillage::render::CommunesLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="64"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="64"/>
        <source>Limites communales</source>
        <translation>Commune boundaries</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="90"/>
        <source>Limite de commune</source>
        <translation>Commune boundary</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="91"/>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
</context>
<context>
    <name>maillage::render::DifferenceLayer</name>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="173"/>
        <source>Écart entre scénarios</source>
        <translation>Difference between scenarios</translation>
    </message>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="220"/>
        <source>passe sous %1 min dans « %2 »</source>
        <translation>within %1 min in “%2”</translation>
    </message>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="222"/>
        <source>passe au-delà de %1 min dans « %2 »</source>
        <translation>beyond %1 min in “%2”</translation>
    </message>
</context>
<context>
    <name>maillage::render::EpciLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="140"/>
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="141"/>
        <source>Limite d&apos;EPCI</source>
        <translation>EPCI boundary</translation>
    </message>
</context>
<context>
    <name>maillage::render::GapLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="230"/>
        <source>Zones au-delà du seuil</source>
        <translation>Zones beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="285"/>
        <source>à plus de %1 min d&apos;un lieu de niveau %2</source>
        <translation>more than %1 min from a level %2 place</translation>
    </message>
</context>
<context>
    <name>maillage::render::IsochroneLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="161"/>
        <source>Temps d&apos;accès</source>
        <translation>Access time</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="213"/>
        <source>moins de 10 min d&apos;un lieu de niveau %1</source>
        <translation>under 10 min from a level %1 place</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="213"/>
        <source>moins de 10 min</source>
        <translation>under 10 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="214"/>
        <source>10 à 20 min</source>
        <translation>10 to 20 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="215"/>
        <source>20 à 30 min</source>
        <translation>20 to 30 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="216"/>
        <source>plus de 30 min</source>
        <translation>over 30 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="218"/>
        <source>inaccessible par la route</source>
        <translation>not reachable by road</translation>
    </message>
</context>
<context>
    <name>maillage::render::OutlineLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="146"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="147"/>
        <source>Limite du département</source>
        <translation>Département boundary</translation>
    </message>
</context>
<context>
    <name>maillage::render::PointsLayer</name>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="14"/>
        <source>Points d&apos;accueil</source>
        <translation>Accueil points</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="99"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="100"/>
        <source>%1 (niveau %2) : %3</source>
        <translation>%1 (level %2): %3</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="104"/>
        <source>Projeté (contour tireté)</source>
        <translation>Planned (dashed outline)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="106"/>
        <source>Fermé</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="109"/>
        <source>Hors du territoire (estompé)</source>
        <translation>Outside the territory (faded)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="109"/>
        <source>hors du territoire (estompé)</source>
        <translation>outside the territory (faded)</translation>
    </message>
</context>
<context>
    <name>maillage::render::RoadsLayer</name>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="64"/>
        <source>Routes</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="112"/>
        <source>Autoroute</source>
        <translation>Motorway</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="112"/>
        <source>Route nationale / voie rapide</source>
        <translation>Trunk road / expressway</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="112"/>
        <source>Route principale</source>
        <translation>Primary road</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="113"/>
        <source>Route secondaire</source>
        <translation>Secondary road</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="113"/>
        <source>Autre route</source>
        <translation>Other road</translation>
    </message>
</context>
<context>
    <name>maillage::render::SuggestionsLayer</name>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="114"/>
        <source>Sites suggérés</source>
        <translation>Suggested sites</translation>
    </message>
    <message>
        <location filename="../../core/render/planning_layers.cpp" line="160"/>
        <source>site suggéré (avec son rang)</source>
        <translation>suggested site (with its rank)</translation>
    </message>
</context>
</TS>
