// Where `adls-backup synth` keeps its work inside --out while it runs, named once for the writer (lib/fleet/output)
// and for the review, which must not read an output a kill interrupted while synth put it in place.

/** The state folder inside --out: lock, staging, journal. Gone after a clean run. */
export const SYNTH_STATE_DIR = '.adls-backup';

/** The journal of the renames that put an output in place, relative to the state folder. */
export const SWAP_JOURNAL = 'swap.json';
