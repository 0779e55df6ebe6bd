/* A growable stack of fixed-size frames on the heap: the text layer walks
 * values of any depth with it instead of the native stack. Internal. */
#ifndef CANDID_TEXT_STACK_H
#define CANDID_TEXT_STACK_H

#include <stddef.h>

typedef struct tstack {
    unsigned char *data;
    size_t len, cap, elem; /* frames in use, frames allocated, frame size */
} tstack;

/* An empty stack of frames of `elem` bytes; allocates nothing yet. */
tstack tstack_new(size_t elem);

/* Pushes a zeroed frame and returns it; NULL when memory runs out (the
 * stack is unchanged). */
void *tstack_push(tstack *s);

/* The top frame, NULL when the stack is empty. */
void *tstack_top(const tstack *s);

/* Frame i from the bottom (i < len); frames move when the stack grows. */
void *tstack_at(const tstack *s, size_t i);

void tstack_pop(tstack *s);
void tstack_free(tstack *s);

#endif
