# Embeds text files (SQL, JSON) into a target as constexpr string_views, so the binary carries its
# own SQL and layer declarations (C++20 has no include_str!). Regenerated when any file changes.
set(RISKATLAS_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_generate.cmake)

function(riskatlas_embed target cxx_namespace)
    set(files)
    foreach(dir IN LISTS ARGN)
        file(GLOB_RECURSE found CONFIGURE_DEPENDS ${dir}/*.sql ${dir}/*.json)
        list(APPEND files ${found})
    endforeach()
    list(SORT files)
    string(MAKE_C_IDENTIFIER ${target} id)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${id}.cpp)
    string(REPLACE ";" "|" files_arg "${files}")
    string(REPLACE ";" "|" dirs_arg "${ARGN}")
    add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${cxx_namespace} "-DFILES=${files_arg}" "-DDIRS=${dirs_arg}"
                -P ${RISKATLAS_EMBED_SCRIPT}
        DEPENDS ${files} ${RISKATLAS_EMBED_SCRIPT}
        COMMENT "Embedding ${cxx_namespace} files" VERBATIM)
    target_sources(${target} PRIVATE ${out})
endfunction()
