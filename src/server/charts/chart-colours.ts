/** One colour per side everywhere: the home team blue, the draw grey, the away team red (readable in both themes). */
export const HOME_COLOUR = '#1a5fb4';
export const DRAW_COLOUR = '#8a8a8a';
export const AWAY_COLOUR = '#c01c28';
/** Lighter shades of a side's colour for extra time and penalties. */
export const HOME_SHADES = [HOME_COLOUR, '#62a0ea', '#a6c8f5'];
export const AWAY_SHADES = [AWAY_COLOUR, '#e66100', '#f6b26b'];
