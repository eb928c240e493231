#!/usr/bin/env bash
# Writes the maillage(1) manual page from the program's own --help texts, so the page
# always matches the installed commands. Usage: make-manpage.sh path/to/maillage > maillage.1
set -euo pipefail
program="$1"
version="$("$program" --version | awk '{print $2}')"

# roff needs backslashes doubled and lines starting with a dot or quote escaped.
escape() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

# A command's name is what its line holds before the summary: "coverage", "network info".
commands=$("$program" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{sub(/^  /, ""); sub(/  .*/, ""); print} on && /^$/{exit}')

cat <<HEADER
.TH MAILLAGE 1 "$(date -u +%Y-%m-%d -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" "maillage $version" "User Commands"
.SH NAME
maillage \- plan the r\('eseau d'accueil of a d\('epartement: territory, accueil points, travel times, coverage
.SH SYNOPSIS
.B maillage
.I command
.RI [ options ]
.br
.B maillage
.BR \-\-help " | " \-\-version
.SH DESCRIPTION
.B maillage
is the command-line face of Maillage. It creates a project (one GeoPackage file holding the
accueil points and the project settings), imports the published lists of town halls,
France services and La Poste contact points, builds a road graph from OpenStreetMap or any
GDAL line layer, and computes the travel time from every part of the territory to the
nearest accueil point of each level, with the zones and the population beyond a threshold.
Every result of the desktop application can be produced here with the same code.
.PP
Each command has its own options; \fBmaillage\fR \fIcommand\fR \fB\-\-help\fR lists them.
.SH COMMANDS
HEADER

while read -r -a command; do
  echo ".SS ${command[*]}"
  echo ".nf"
  "$program" "${command[@]}" --help | escape
  echo ".fi"
done <<< "$commands"

cat <<'FOOTER'
.SH EXIT STATUS
.TP
.B 0
Success. An import that skipped bad rows still succeeds; each skipped row is reported with its line number.
.TP
.B 1
An error: unreadable or invalid input, a project in use by another program, a failed write.
The message names the file, layer, field, line or feature at fault; nothing already saved is lost.
.TP
.B 2
A wrong command line: unknown command or option, missing or malformed value.
.SH FILES
.TP
.I /usr/share/maillage/data/
The kind referential and the speed profiles (built into the program; copies to read or adapt).
.TP
.I /usr/share/maillage/styles/
The QGIS styles written into exported GeoPackages.
.SH EXAMPLE
.nf
maillage init \-\-project 04.gpkg \-\-communes limites\-04.gpkg \-\-communes\-layer commune \e
    \-\-epci limites\-04.gpkg \-\-epci\-layer epci \-\-network routes\-04.geojson
maillage import \-\-project 04.gpkg mairies\-04.csv
maillage import \-\-project 04.gpkg france\-services\-2024.csv
maillage coverage \-\-project 04.gpkg \-\-out coverage\-04.gpkg
.fi
.SH DATA
Boundaries: IGN ADMIN EXPRESS; population: INSEE; France services: ANCT;
La Poste contact points: La Poste open data; roads: OpenStreetMap contributors (ODbL).
.SH SEE ALSO
.BR maillage\-gui (1),
.BR ogrinfo (1),
.BR qgis (1)
FOOTER
