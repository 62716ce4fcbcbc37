# Our own targets build with every warning as an error; third-party headers are SYSTEM includes.
function(rsodbc_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
endfunction()
