/**
 * A host config shaped like the Teams light theme (Segoe UI with metric-compatible fallbacks, 14 px body
 * text, Teams purple for accents) so pictures and overflow checks resemble what a rep sees. Teams itself
 * renders with its own host config; this is our approximation, not a copy of it.
 */
/** Text colours that read on both the white and the light grey (emphasis) container. */
const TEXT_COLORS = {
  default: { default: '#242424', subtle: '#616161' },
  accent: { default: '#5B5FC7', subtle: '#4F52B2' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#8A3707', subtle: '#835B00' },
  attention: { default: '#C4314B', subtle: '#A72037' },
} as const;

export const TEAMS_LIKE_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: '"Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif',
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        ...TEXT_COLORS,
        dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: TEXT_COLORS,
    },
    good: { backgroundColor: '#E7F2DA' },
    warning: { backgroundColor: '#FBF6D9' },
    attention: { backgroundColor: '#FCF4F6' },
    accent: { backgroundColor: '#E8EBFA' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    wrap: true,
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { weight: 'bolder', size: 'default', color: 'default', wrap: true, maxWidth: 150 },
    value: { weight: 'default', size: 'default', color: 'default', wrap: true },
    spacing: 12,
  },
  inputs: { label: { inputSpacing: 'small', requiredInputs: { suffix: ' *', suffixColor: 'attention' } } },
} as const;
