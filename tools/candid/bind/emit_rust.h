/* candid bind --target rust (emit_rust.c). */
#ifndef CANDID_BIND_EMIT_RUST_H
#define CANDID_BIND_EMIT_RUST_H

#include "bind.h"

/* Writes NAME.rs into fr and NAME_layout.c into fc. Returns non-zero on a
 * write error. */
int bind_emit_rust(FILE *fr, FILE *fc, const bind_model *m);

#endif
