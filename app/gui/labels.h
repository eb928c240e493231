#pragma once

// The application speaks with the words the map and the printed layout use.
#include "render/labels.h"

#include <cmath>

namespace maillage::gui {
using render::formatCount;
using render::formatMinutes;
using render::interfaceIsEnglish;
using render::kindLabel;
using render::levelLabel;
using render::levelShortLabel;
using render::scenarioLabel;
using render::statusLabel;

// A number of people gained or lost, rounded, with "+" before a gain.
inline QString signedCount(double value)
{
    const qint64 rounded = std::llround(value);
    return rounded > 0 ? QStringLiteral("+") + formatCount(rounded) : formatCount(rounded);
}
}  // namespace maillage::gui
