#pragma once
/// The statistic every benchmark here reports: the median of its runs.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace mplug2::model {

/// The median (the mean of the middle two for an even count); 0 for no runs.
inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

} // namespace mplug2::model
