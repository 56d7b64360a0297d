# SPDX-FileCopyrightText: 2026 The Heapsight authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Warnings for every Heapsight target; -Werror only where asked for (CI sets HEAPSIGHT_WERROR=ON).
function(heapsight_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor)
    if(HEAPSIGHT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # Qt string hygiene: every conversion between bytes and QString is spelled out.
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                 QT_USE_QSTRINGBUILDER QT_NO_FOREACH)
endfunction()
