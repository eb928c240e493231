<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../core/render/labels.cpp" line="14" />
        <source>1er niveau : informer, orienter</source>
        <translation>Level 1: inform and orient</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="15" />
        <source>2e niveau : accompagner</source>
        <translation>Level 2: accompany</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="16" />
        <source>3e niveau : guichets des opérateurs</source>
        <translation>Level 3: operators' desks</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="23" />
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="29" />
        <source>existant</source>
        <translation>existing</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="30" />
        <source>projeté</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="31" />
        <source>fermé</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="56" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/labels.cpp" line="57" />
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="87" />
        <source>Projets Maillage (*.gpkg);;Tous les fichiers (*)</source>
        <translation>Maillage projects (*.gpkg);;All files (*)</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="26" />
        <source>Données vectorielles (*.gpkg *.shp *.geojson *.json *.gml *.kml *.sqlite);;Tous les fichiers (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.kml *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="32" />
        <source>Réseaux routiers (*.osm.pbf *.pbf *.osm *.osm.gz *.gpkg *.shp *.geojson *.json);;Tous les fichiers (*)</source>
        <translation>Road networks (*.osm.pbf *.pbf *.osm *.osm.gz *.gpkg *.shp *.geojson *.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PointCommands</name>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="30" />
        <source>ajout de « %1 »</source>
        <translation>add “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="54" />
        <source>suppression de « %1 »</source>
        <translation>delete “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_commands.cpp" line="55" />
        <source>suppression de %n points</source>
        <translation>
            <numerusform>delete %n point</numerusform>
            <numerusform>delete %n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="80" />
        <source>déplacement de « %1 »</source>
        <translation>move “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_commands.cpp" line="81" />
        <source>déplacement de %n points</source>
        <translation>
            <numerusform>move %n point</numerusform>
            <numerusform>move %n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_commands.cpp" line="101" />
        <source>modification de « %1 »</source>
        <translation>edit “%1”</translation>
    </message>
</context>
<context>
    <name>PrintCredits</name>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="18" />
        <source>ANCT, liste des France services</source>
        <translation>ANCT, list of France services</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="19" />
        <source>La Poste, points de contact du réseau postal</source>
        <translation>La Poste, postal network contact points</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="20" />
        <source>annuaire des mairies (data.gouv.fr)</source>
        <translation>town hall directory (data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="27" />
        <source>limites administratives : %1</source>
        <translation>administrative boundaries: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="28" />
        <source>IGN, ADMIN EXPRESS</source>
        <translation>IGN, ADMIN EXPRESS</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="29" />
        <source>population : %1</source>
        <translation>population: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="29" />
        <source>INSEE, populations légales</source>
        <translation>INSEE, legal populations</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="40" />
        <source>lieux d'accueil : %1</source>
        <translation>accueil places: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="44" />
        <source>© les contributeurs d'OpenStreetMap (ODbL)</source>
        <translation>© OpenStreetMap contributors (ODbL)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="46" />
        <source>réseau routier : %1</source>
        <translation>road network: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_credits.cpp" line="48" />
        <source>Sources : %1.</source>
        <translation>Sources: %1.</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../core/render/print_elements.cpp" line="223" />
        <source>Légende</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="282" />
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="282" />
        <source>Département %1</source>
        <translation>Département %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="287" />
        <source>situation actuelle</source>
        <translation>current network</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="291" />
        <source>« %1 »</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="302" />
        <source>%1 : l'accès aux lieux d'accueil de niveau %2</source>
        <translation>%1: access to level %2 accueil places</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="304" />
        <source>%1 : ce que change le scénario %2</source>
        <translation>%1: what scenario %2 changes</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="314" />
        <source>seuil : %1 min en voiture</source>
        <translation>threshold: %1 min by car</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="315" />
        <source>scénario : %1</source>
        <translation>scenario: %1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="317" />
        <source>scénario %1 comparé à %2</source>
        <translation>scenario %1 compared with %2</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="326" />
        <source>Carte réalisée avec Maillage %1 le %2. Temps de parcours en voiture sur le réseau routier, grille de %3 m ; la population de chaque commune est répartie sur ses cellules habitables.</source>
        <translation>Map made with Maillage %1 on %2. Driving times on the road network, %3 m grid; each commune's population is spread over its inhabitable cells.</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="362" />
        <source>Lieux d'accueil</source>
        <translation>Accueil places</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="363" />
        <source>Changement d'accès</source>
        <translation>Change of access</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="364" />
        <source>Au-delà du seuil</source>
        <translation>Beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="365" />
        <source>Temps d'accès en voiture</source>
        <translation>Driving time</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="366" />
        <source>Routes</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="381" />
        <source>Limites</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="391" />
        <source>EPCI de la carte (le reste est estompé)</source>
        <translation>EPCI of the map (the rest is faded)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="403" />
        <source>Habitants à plus de %1 min</source>
        <translation>Inhabitants beyond %1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="407" />
        <location filename="../../core/render/print_layout.cpp" line="441" />
        <source>%1 habitants sur %2 (%3) à plus de %4 min d'un lieu de niveau %5</source>
        <translation>%1 inhabitants of %2 (%3) more than %4 min from a level %5 place</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="411" />
        <location filename="../../core/render/print_layout.cpp" line="486" />
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="411" />
        <location filename="../../core/render/print_layout.cpp" line="446" />
        <location filename="../../core/render/print_layout.cpp" line="487" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="411" />
        <location filename="../../core/render/print_layout.cpp" line="446" />
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="412" />
        <source>Mairies au-delà</source>
        <translation>Town halls beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="427" />
        <source>… et %1 autres EPCI : %2 habitants au-delà</source>
        <translation>… and %1 other EPCI: %2 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="446" />
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="447" />
        <source>Depuis la mairie</source>
        <translation>From the town hall</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="462" />
        <source>Aucun habitant de l'EPCI à plus de %1 min.</source>
        <translation>Nobody in the EPCI is more than %1 min away.</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="468" />
        <source>… et %1 autres communes : %2 habitants au-delà</source>
        <translation>… and %1 other communes: %2 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="469" />
        <source>… et 1 autre commune : %1 habitants au-delà</source>
        <translation>… and 1 other commune: %1 inhabitants beyond</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="473" />
        <source>Ensemble de l'EPCI (%1 communes)</source>
        <translation>Whole EPCI (%1 communes)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="474" />
        <source>Ensemble de l'EPCI (1 commune)</source>
        <translation>Whole EPCI (1 commune)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="483" />
        <source>%1 habitants passent à moins de %2 min (%3 km²), %4 à plus de %2 min (%5 km²)</source>
        <translation>%1 inhabitants come within %2 min (%3 km²), %4 go beyond %2 min (%5 km²)</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="488" />
        <source>Au-delà, référence</source>
        <translation>Beyond, reference</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="489" />
        <source>Au-delà, scénario</source>
        <translation>Beyond, scenario</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="490" />
        <source>Écart</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="507" />
        <source>… et %1 autres EPCI, sans changement</source>
        <translation>… and %1 other EPCI, unchanged</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="508" />
        <source>… et %1 autres EPCI : écart de %2 habitants</source>
        <translation>… and %1 other EPCI: change of %2 inhabitants</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="725" />
        <source>1 : %1</source>
        <translation>1:%1</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="761" />
        <source>page %1 / %2</source>
        <translation>page %1 / %2</translation>
    </message>
    <message>
        <location filename="../../core/render/print_layout.cpp" line="787" />
        <source>Comparaison</source>
        <translation>Comparison</translation>
    </message>
</context>
<context>
    <name>ProjectLoading</name>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="30" />
        <source>impossible de remplacer %1 (fichier protégé ou ouvert ?)</source>
        <translation>cannot replace %1 (file protected or in use?)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="79" />
        <source>Construction du graphe routier…</source>
        <translation>Building the road graph…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="82" />
        <source>Préparation de la grille de couverture…</source>
        <translation>Preparing the coverage grid…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="93" />
        <source>Lecture du réseau routier…</source>
        <translation>Reading the road network…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="119" />
        <source>Lecture des limites communales…</source>
        <translation>Reading the commune boundaries…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="125" />
        <source>Projet chargé</source>
        <translation>Project loaded</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="131" />
        <source>Création du projet…</source>
        <translation>Creating the project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="150" />
        <source>Création du projet de démonstration…</source>
        <translation>Creating the demonstration project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="167" />
        <source>Import de %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="172" />
        <source>Démonstration prête</source>
        <translation>Demonstration ready</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="179" />
        <source>%1 : %2 lignes lues, %3 points nouveaux, %4 mis à jour, %5 inchangés, %6 hors du territoire, %7 lignes ignorées.</source>
        <translation>%1: %2 rows read, %3 new points, %4 updated, %5 unchanged, %6 outside the territory, %7 rows skipped.</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="193" />
        <source>
ligne %1 : %2</source>
        <translation>
line %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="212" />
        <source>données de démonstration introuvables : %1 n'existe pas (indiquez le dossier des données avec MAILLAGE_SHARED_DATA)</source>
        <translation>demonstration data not found: %1 does not exist (give the data folder with MAILLAGE_SHARED_DATA)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project_loading.cpp" line="244" />
        <source>erreur inconnue</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>maillage::gui::LayerPanel</name>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="27" />
        <source>Monter la couche</source>
        <translation>Move the layer up</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="29" />
        <source>Descendre la couche</source>
        <translation>Move the layer down</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="31" />
        <source>Opacité de la couche</source>
        <translation>Layer opacity</translation>
    </message>
    <message>
        <location filename="../../app/gui/map/layer_panel.cpp" line="38" />
        <source>Opacité</source>
        <translation>Opacity</translation>
    </message>
</context>
<context>
    <name>maillage::gui::MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="113" />
        <source>L93 %1 ; %2</source>
        <translation>L93 %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="114" />
        <source>%1° N ; %2° E</source>
        <translation>%1° N, %2° E</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="158" />
        <source>&amp;Nouveau projet…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="160" />
        <source>Créer un projet à partir de limites communales et d'un réseau routier</source>
        <translation>Create a project from commune boundaries and a road network</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="163" />
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="167" />
        <source>Ouvrir la &amp;démo 04</source>
        <translation>Open the 04 &amp;demo</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="168" />
        <source>Alpes-de-Haute-Provence : limites, réseau routier, mairies, France services et La Poste</source>
        <translation>Alpes-de-Haute-Provence: boundaries, road network, town halls, France services and La Poste</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="171" />
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="173" />
        <source>Chaque modification est déjà enregistrée dans le fichier du projet</source>
        <translation>Every change is already saved in the project file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="176" />
        <source>Enregistrer &amp;sous…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="180" />
        <source>&amp;Importer des points…</source>
        <translation>&amp;Import points…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="182" />
        <source>Mairies, France services (ANCT), La Poste ou tout fichier de points</source>
        <translation>Town halls, France services (ANCT), La Poste or any point file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="185" />
        <source>&amp;Fermer le projet</source>
        <translation>&amp;Close the project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="189" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="193" />
        <location filename="../../app/gui/main_window.cpp" line="530" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="196" />
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="201" />
        <source>&amp;Sélectionner et déplacer</source>
        <translation>&amp;Select and move</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="205" />
        <source>Clic : sélectionner ; glisser un point : le déplacer ; glisser la carte : la déplacer ; Maj+glisser : sélection par rectangle ; Ctrl+clic : ajouter à la sélection</source>
        <translation>Click: select; drag a point: move it; drag the map: pan; Shift+drag: select in a rectangle; Ctrl+click: add to the selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="208" />
        <source>&amp;Ajouter un point</source>
        <translation>&amp;Add a point</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="211" />
        <source>Cliquer sur la carte pour ajouter un point projeté du type choisi</source>
        <translation>Click on the map to add a planned point of the chosen kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="214" />
        <source>&amp;Modifier le point…</source>
        <translation>&amp;Edit the point…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="217" />
        <source>S&amp;upprimer la sélection</source>
        <translation>&amp;Delete the selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="221" />
        <source>Tout sé&amp;lectionner</source>
        <translation>Select a&amp;ll</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="225" />
        <source>Zoom &amp;avant</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="228" />
        <source>Zoom a&amp;rrière</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="231" />
        <source>Zoom sur le &amp;territoire</source>
        <translation>Zoom to the &amp;territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="234" />
        <source>Zoom sur la &amp;sélection</source>
        <translation>Zoom to the &amp;selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="238" />
        <source>Exporter la carte en &amp;PDF…</source>
        <translation>Export the map as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="240" />
        <source>Mise en page à imprimer : la carte, sa légende, l'échelle, le tableau par EPCI ; atlas par EPCI</source>
        <translation>Print layout: the map, its legend, the scale, the table per EPCI; atlas per EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="244" />
        <source>Carte exportée en PDF.</source>
        <translation>Map exported as PDF.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="247" />
        <source>À &amp;propos de Maillage</source>
        <translation>&amp;About Maillage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="253" />
        <source>&amp;Projet</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="256" />
        <source>Projets &amp;récents</source>
        <translation>&amp;Recent projects</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="268" />
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="279" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="284" />
        <source>Zoom sur un &amp;EPCI</source>
        <translation>Zoom to an &amp;EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="289" />
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="300" />
        <source>La langue choisie s'appliquera au prochain démarrage.</source>
        <translation>The chosen language applies at the next start.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="304" />
        <source>A&amp;nalyse</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="307" />
        <source>Couverture du niveau &amp;%1</source>
        <translation>Coverage of level &amp;%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="317" />
        <source>Compter les points &amp;projetés</source>
        <translation>Count &amp;planned points</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="320" />
        <source>Les points projetés (ajoutés sur la carte) comptent dans la couverture</source>
        <translation>Planned points (added on the map) count in the coverage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="326" />
        <source>&amp;Exporter le résultat (GeoPackage)…</source>
        <translation>&amp;Export the result (GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="328" />
        <source>Communes, EPCI, points, zones au-delà du seuil, isochrones et tables, avec les styles QGIS</source>
        <translation>Communes, EPCI, points, zones beyond the threshold, isochrones and tables, with QGIS styles</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="332" />
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="338" />
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="345" />
        <source>Édition</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="354" />
        <source>Type des points ajoutés sur la carte</source>
        <translation>Kind of the points added on the map</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="361" />
        <source>Affichage</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="367" />
        <source>Analyse</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="371" />
        <source>Niveau %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="372" />
        <source>Niveau dont la couverture est calculée</source>
        <translation>Level whose coverage is computed</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="376" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="377" />
        <source>Seuil de temps d'accès (20 min dans le schéma départemental)</source>
        <translation>Access time threshold (20 min in the département's plan)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="382" />
        <source> Seuil </source>
        <translation> Threshold </translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="427" />
        <source>Couches et légende</source>
        <translation>Layers and legend</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="453" />
        <source>Filtrer (nom, type, commune…)</source>
        <translation>Filter (name, kind, commune…)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="472" />
        <source>Points d'accueil</source>
        <translation>Accueil points</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="485" />
        <source>Attributs du point</source>
        <translation>Point attributes</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="490" />
        <source>Statistiques</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="496" />
        <location filename="../../app/gui/main_window.cpp" line="783" />
        <location filename="../../app/gui/main_window.cpp" line="1198" />
        <source>Cliquez sur une commune pour voir ses temps d'accès.</source>
        <translation>Click on a commune to see its access times.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="501" />
        <source>Informations</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="519" />
        <source>Position du curseur en Lambert-93 (mètres)</source>
        <translation>Cursor position in Lambert-93 (metres)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="521" />
        <source>Position du curseur en WGS84 (degrés)</source>
        <translation>Cursor position in WGS84 (degrees)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="522" />
        <source>Échelle de la carte à l'écran</source>
        <translation>Map scale on screen</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="536" />
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="648" />
        <source>Un chargement est déjà en cours.</source>
        <translation>A loading is already running.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="690" />
        <source>Chargement annulé.</source>
        <translation>Loading cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="692" />
        <source>annulé</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="696" />
        <source>Chargement impossible</source>
        <translation>Cannot load</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="706" />
        <location filename="../../app/gui/main_window.cpp" line="728" />
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/main_window.cpp" line="712" />
        <source>%n avertissement(s) au chargement : %1</source>
        <translation>
            <numerusform>%n warning while loading: %1</numerusform>
            <numerusform>%n warnings while loading: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="723" />
        <source>le fichier %1 n'existe pas</source>
        <translation>the file %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="734" />
        <source>Ouverture de %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="747" />
        <source>Préparation de la démo 04…</source>
        <translation>Preparing the 04 demo…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="756" />
        <source>Création de %1…</source>
        <translation>Creating %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="795" />
        <source>Modification refusée</source>
        <translation>Change refused</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="809" />
        <source>Calcul de couverture : %1</source>
        <translation>Coverage computation: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="824" />
        <source>%1 : %2 communes, %3 habitants, %4 points d'accueil</source>
        <translation>%1: %2 communes, %3 inhabitants, %4 accueil points</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="894" />
        <source>Maillage — réseau d'accueil</source>
        <translation>Maillage — accueil network</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="898" />
        <source>%1[*] — Maillage</source>
        <translation>%1[*] — Maillage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="906" />
        <source>1:%1</source>
        <translation>1:%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="922" />
        <source>Ouvrir un projet</source>
        <translation>Open a project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="935" />
        <source>Toutes les modifications sont enregistrées dans %1.</source>
        <translation>All changes are saved in %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="941" />
        <source>Enregistrer le projet sous</source>
        <translation>Save the project as</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="950" />
        <source>Projet enregistré sous %1.</source>
        <translation>Project saved as %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="952" />
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="960" />
        <source>Importer des points</source>
        <translation>Import points</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="961" />
        <source>Points (*.csv *.geojson *.json *.gpkg *.shp);;Tous les fichiers (*)</source>
        <translation>Points (*.csv *.geojson *.json *.gpkg *.shp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="974" />
        <source>Import terminé</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="992" />
        <source>Import impossible</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1000" />
        <source>Exporter le résultat</source>
        <translation>Export the result</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1002" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1005" />
        <source>Résultat écrit dans %1.</source>
        <translation>Result written to %1.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1042" />
        <source>Export impossible</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1062" />
        <source>%1 (projet) — %2</source>
        <translation>%1 (planned) — %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1062" />
        <source>%1 (projet)</source>
        <translation>%1 (planned)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1204" />
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;INSEE %2 · %3 habitants&lt;br&gt;EPCI : %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;INSEE %2 · %3 inhabitants&lt;br&gt;EPCI: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1206" />
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1208" />
        <source>&lt;p&gt;Pas de réseau routier : temps d'accès non calculés.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No road network: access times not computed.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1212" />
        <source>&lt;p&gt;Depuis la mairie :&lt;/p&gt;</source>
        <translation>&lt;p&gt;From the town hall:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1213" />
        <source>&lt;p&gt;Depuis un point central de la commune (mairie inconnue) :&lt;/p&gt;</source>
        <translation>&lt;p&gt;From a central point of the commune (town hall unknown):&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1222" />
        <source>aucun lieu accessible</source>
        <translation>no reachable place</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1223" />
        <source>&lt;tr&gt;&lt;td&gt;Niveau %1&lt;/td&gt;&lt;td align='right'&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Level %1&lt;/td&gt;&lt;td align='right'&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1231" />
        <source>&lt;p&gt;Niveau %1, seuil %2 min : %3 habitants au-delà (population répartie), %4 cellules sur %5 au-delà.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Level %1, threshold %2 min: %3 inhabitants beyond (spread population), %4 of %5 cells beyond.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1242" />
        <source>À propos de Maillage</source>
        <translation>About Maillage</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1243" />
        <source>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Planifier le réseau d'accueil des services publics d'un département : points d'accueil, temps d'accès par la route, zones à plus de 20 minutes d'un lieu de deuxième niveau et population concernée.&lt;/p&gt;&lt;p&gt;Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Plan a département's network of public-service help desks: accueil points, access times by road, zones more than 20 minutes from a second-level place and the people living there.&lt;/p&gt;&lt;p&gt;Data: IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="1257" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>maillage::gui::NewProjectDialog</name>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="48" />
        <location filename="../../app/gui/new_project_dialog.cpp" line="58" />
        <location filename="../../app/gui/new_project_dialog.cpp" line="159" />
        <source>Nouveau projet</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="56" />
        <source>Fichier du projet</source>
        <translation>Project file</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="59" />
        <source>Projet Maillage (*.gpkg)</source>
        <translation>Maillage project (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="63" />
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="64" />
        <source>EPCI (facultatif)</source>
        <translation>EPCI (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="65" />
        <source>Département (facultatif)</source>
        <translation>Département (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="66" />
        <source>Réseau routier (facultatif)</source>
        <translation>Road network (optional)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="69" />
        <source>« generalised » pour un réseau simplifié (routes classées), « osm » pour OpenStreetMap.</source>
        <translation>“generalised” for a simplified network (classified roads), “osm” for OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="70" />
        <source>Profil de vitesses</source>
        <translation>Speed profile</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="72" />
        <source>Champs des communes (ADMIN EXPRESS par défaut)</source>
        <translation>Commune fields (ADMIN EXPRESS by default)</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="74" />
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="75" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="76" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="77" />
        <source>SIREN de l'EPCI</source>
        <translation>EPCI SIREN</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="80" />
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="81" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="97" />
        <source>Couche du fichier</source>
        <translation>Layer of the file</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="98" />
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="155" />
        <source>Choisissez le fichier du projet.</source>
        <translation>Choose the project file.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="156" />
        <source>Le fichier %1 existe déjà : choisissez un autre nom.</source>
        <translation>The file %1 already exists: choose another name.</translation>
    </message>
    <message>
        <location filename="../../app/gui/new_project_dialog.cpp" line="157" />
        <source>Choisissez le fichier des communes.</source>
        <translation>Choose the communes file.</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PdfExportDialog</name>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="61" />
        <source>points projetés compris</source>
        <translation>planned points included</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="74" />
        <source>Atlas : une page par EPCI</source>
        <translation>Atlas: one page per EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="82" />
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="266" />
        <source>Exporter la carte en PDF</source>
        <translation>Export the map as PDF</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="92" />
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="93" />
        <source>Paysage</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="94" />
        <source>titre fait du territoire et du niveau</source>
        <translation>title made from the territory and the level</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="97" />
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="104" />
        <source>Papier</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="105" />
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="107" />
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="108" />
        <source>Points dessinés</source>
        <translation>Points drawn</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="109" />
        <source>La carte reprend les couches visibles, leur ordre et leur opacité, le niveau, le seuil et les points comptés dans l'application. Le PDF est vectoriel : textes sélectionnables, traits nets à tout zoom.</source>
        <translation>The map shows the visible layers, their order and opacity, the level, the threshold and the points counted in the application. The PDF is vector: selectable text, sharp lines at any zoom.</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="114" />
        <source>Mise en page</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="122" />
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="132" />
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="138" />
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="217" />
        <source> / %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="265" />
        <source>atlas.pdf</source>
        <translation>atlas.pdf</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="265" />
        <source>carte.pdf</source>
        <translation>map.pdf</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="266" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/gui/pdf_export_dialog.cpp" line="274" />
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointForm</name>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="32" />
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="33" />
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="46" />
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="47" />
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="48" />
        <source>ex. lun 09:00-12:00; mar 14:00-17:00</source>
        <translation>e.g. lun 09:00-12:00; mar 14:00-17:00</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="59" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="60" />
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="61" />
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="62" />
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="63" />
        <source>Heures par semaine</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="64" />
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="65" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="66" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="67" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/point_form.cpp" line="124" />
        <source>%n points sélectionnés.</source>
        <translation>
            <numerusform>%n point selected.</numerusform>
            <numerusform>%n points selected.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="136" />
        <source>Sélectionnez un point sur la carte ou dans la table.</source>
        <translation>Select a point on the map or in the table.</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="141" />
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="156" />
        <source>%1
Lambert-93 : %2 ; %3
WGS84 : %4 ; %5%6</source>
        <translation>%1
Lambert-93: %2, %3
WGS84: %4, %5%6</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="157" />
        <source>hors du territoire</source>
        <translation>outside the territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/point_form.cpp" line="162" />
        <source>
Source : %1 %2</source>
        <translation>
Source: %1 %2</translation>
    </message>
</context>
<context>
    <name>maillage::gui::PointsModel</name>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="45" />
        <source>Hors du territoire</source>
        <translation>Outside the territory</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="57" />
        <source>(hors territoire)</source>
        <translation>(outside)</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="71" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="72" />
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="73" />
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="74" />
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="75" />
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="76" />
        <source>Heures / sem.</source>
        <translation>Hours / week</translation>
    </message>
    <message>
        <location filename="../../app/gui/points_model.cpp" line="77" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>maillage::gui::Project</name>
    <message>
        <location filename="../../app/gui/project.cpp" line="138" />
        <source>impossible de copier le projet vers %1</source>
        <translation>cannot copy the project to %1</translation>
    </message>
</context>
<context>
    <name>maillage::gui::StatisticsPanel</name>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="60" />
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="60" />
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="60" />
        <source>Au-delà</source>
        <translation>Beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="60" />
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Mairies au-delà</source>
        <translation type="vanished">Town halls beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="60" />
        <source>Mairies
au-delà</source>
        <translation>Town halls
beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="62" />
        <source>Habitants au-delà du seuil, la population de chaque commune étant répartie sur ses cellules habitables</source>
        <translation>Inhabitants beyond the threshold, each commune's population spread over its inhabitable cells</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="64" />
        <source>Communes dont la mairie est au-delà du seuil (et leurs habitants, dans la bulle d'aide de chaque ligne)</source>
        <translation>Communes whose town hall is beyond the threshold (and their inhabitants, in the tooltip of each row)</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="125" />
        <source>Habitants au-delà du seuil</source>
        <translation>Inhabitants beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="152" />
        <source>habitants au-delà du seuil</source>
        <translation>inhabitants beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="164" />
        <source>Ouvrez un projet avec un réseau routier pour calculer la couverture.</source>
        <translation>Open a project with a road network to compute the coverage.</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="172" />
        <source>&lt;b&gt;Aucun point de niveau %1&lt;/b&gt; dans le projet : toute la population est au-delà du seuil. Ajoutez les lieux de ce niveau sur la carte ou importez-les (Projet › Importer des points).</source>
        <translation>&lt;b&gt;No level %1 point&lt;/b&gt; in the project: the whole population is beyond the threshold. Add the places of this level on the map or import them (Project › Import points).</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="176" />
        <source>&lt;b&gt;%1 habitants (%2)&lt;/b&gt; à plus de %3 min d'un lieu de niveau %4 ; %5 communes dont la mairie est au-delà (%6 habitants).&lt;br&gt;&lt;small&gt;%7 points de niveau %4 pris en compte%8 · calcul en %9 ms&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1 inhabitants (%2)&lt;/b&gt; more than %3 min from a level %4 place; %5 communes whose town hall is beyond (%6 inhabitants).&lt;br&gt;&lt;small&gt;%7 level %4 points counted%8 · computed in %9 ms&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="186" />
        <source> (projets compris)</source>
        <translation> (planned included)</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="196" />
        <source>%1
%2 habitants au-delà (population répartie sur les cellules habitables)
%3 habitants dans les %4 communes dont la mairie est au-delà</source>
        <translation>%1
%2 inhabitants beyond (population spread over the inhabitable cells)
%3 inhabitants in the %4 communes whose town hall is beyond</translation>
    </message>
    <message>
        <location filename="../../app/gui/statistics_panel.cpp" line="222" />
        <source>Département</source>
        <translation>Département</translation>
    </message>
</context>
<context>
    <name>maillage::render::ChangeLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="309" />
        <source>Changements d'accès</source>
        <translation>Changes of access</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="349" />
        <source>passe à moins de %1 min d'un lieu de niveau %2</source>
        <translation>comes within %1 min of a level %2 place</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="352" />
        <source>passe à plus de %1 min</source>
        <translation>goes beyond %1 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="354" />
        <source>reste à plus de %1 min</source>
        <translation>stays beyond %1 min</translation>
    </message>
</context>
<context>
    <name>maillage::render::CommuneLabelsLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="140" />
        <source>Noms des communes</source>
        <translation>Commune names</translation>
    </message>
</context>
<context>
    <name>maillage::render::CommunesLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="62" />
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="62" />
        <source>Limites communales</source>
        <translation>Commune boundaries</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="88" />
        <source>Limite de commune</source>
        <translation>Commune boundary</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="89" />
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
</context>
<context>
    <name>maillage::render::EpciLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="99" />
        <source>EPCI</source>
        <translation>EPCI</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="117" />
        <source>Limite d'EPCI</source>
        <translation>EPCI boundary</translation>
    </message>
</context>
<context>
    <name>maillage::render::GapLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="231" />
        <source>Zones au-delà du seuil</source>
        <translation>Zones beyond the threshold</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="286" />
        <source>à plus de %1 min d'un lieu de niveau %2</source>
        <translation>more than %1 min from a level %2 place</translation>
    </message>
</context>
<context>
    <name>maillage::render::IsochroneLayer</name>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="162" />
        <source>Temps d'accès</source>
        <translation>Access time</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="214" />
        <source>moins de 10 min d'un lieu de niveau %1</source>
        <translation>under 10 min from a level %1 place</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="214" />
        <source>moins de 10 min</source>
        <translation>under 10 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="215" />
        <source>10 à 20 min</source>
        <translation>10 to 20 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="216" />
        <source>20 à 30 min</source>
        <translation>20 to 30 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="217" />
        <source>plus de 30 min</source>
        <translation>over 30 min</translation>
    </message>
    <message>
        <location filename="../../core/render/coverage_layers.cpp" line="219" />
        <source>inaccessible par la route</source>
        <translation>not reachable by road</translation>
    </message>
</context>
<context>
    <name>maillage::render::OutlineLayer</name>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="121" />
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../core/render/boundary_layers.cpp" line="136" />
        <source>Limite du département</source>
        <translation>Département boundary</translation>
    </message>
</context>
<context>
    <name>maillage::render::PointsLayer</name>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="14" />
        <source>Points d'accueil</source>
        <translation>Accueil points</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="98" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="99" />
        <source>%1 (niveau %2) : %3</source>
        <translation>%1 (level %2): %3</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="103" />
        <source>Projeté (contour tireté)</source>
        <translation>Planned (dashed outline)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="105" />
        <source>Fermé</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="108" />
        <source>Hors du territoire (estompé)</source>
        <translation>Outside the territory (faded)</translation>
    </message>
    <message>
        <location filename="../../core/render/points_layer.cpp" line="108" />
        <source>hors du territoire (estompé)</source>
        <translation>outside the territory (faded)</translation>
    </message>
</context>
<context>
    <name>maillage::render::RoadsLayer</name>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="64" />
        <source>Routes</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="111" />
        <source>Autoroute</source>
        <translation>Motorway</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="111" />
        <source>Route nationale / voie rapide</source>
        <translation>Trunk road / expressway</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="111" />
        <source>Route principale</source>
        <translation>Primary road</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="112" />
        <source>Route secondaire</source>
        <translation>Secondary road</translation>
    </message>
    <message>
        <location filename="../../core/render/roads_layer.cpp" line="112" />
        <source>Autre route</source>
        <translation>Other road</translation>
    </message>
</context>
</TS>
