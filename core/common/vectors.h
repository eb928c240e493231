#pragma once

#include <initializer_list>
#include <vector>

namespace maillage {

// The elements of several groups, in order (a table's columns made of shared groups).
template <class T>
std::vector<T> joined(std::initializer_list<std::vector<T>> groups)
{
    std::vector<T> all;
    for (const std::vector<T>& group : groups) all.insert(all.end(), group.begin(), group.end());
    return all;
}

}  // namespace maillage
