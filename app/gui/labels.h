#pragma once

// The application speaks with the words the map and the printed layout use.
#include "render/labels.h"

namespace maillage::gui {
using render::formatCount;
using render::formatMinutes;
using render::interfaceIsEnglish;
using render::kindLabel;
using render::levelLabel;
using render::levelShortLabel;
using render::scenarioLabel;
using render::statusLabel;
}  // namespace maillage::gui
