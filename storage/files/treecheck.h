#pragma once

#include "files/pmindex.h"

namespace pmkv {

// Checks that need the whole tree: person references against people.json, epicIds and
// storyIds against the folders and files present, story.epicId against its folder, and
// names that cannot become a key safely. Adds warnings to the index; never removes data.
class TreeCheck final
{
public:
    static void run(PmIndex& index);
};

} // namespace pmkv
