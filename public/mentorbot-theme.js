/*
 * Mentorbot's look: Web Chat's styleOptions from one brand colour, with WCAG 2.1 AA contrast whatever colour a
 * municipality picks. window.MentorbotTheme.styleOptions(color) returns the options; .colors(color) returns
 * { accent, onAccent }: accent is the colour darkened until it reaches 4.5:1 on white, onAccent is white or black,
 * whichever reads better on the accent.
 */
(function () {
  'use strict';

  var FALLBACK = '#0b5cad';

  function parseHex(color) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(color || '').trim());
    if (!m) return null;
    var hex = m[1].length === 3 ? m[1].replace(/(.)/g, '$1$1') : m[1];
    return [0, 2, 4].map(function (i) {
      return parseInt(hex.substr(i, 2), 16);
    });
  }

  function toHex(rgb) {
    return (
      '#' +
      rgb
        .map(function (c) {
          return ('0' + Math.round(c).toString(16)).slice(-2);
        })
        .join('')
    );
  }

  /** Relative luminance as WCAG 2.1 defines it. */
  function luminance(rgb) {
    var c = rgb.map(function (v) {
      var s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  var WHITE = [255, 255, 255];
  var BLACK = [0, 0, 0];

  function colors(color) {
    var rgb = parseHex(color) || parseHex(FALLBACK);
    // Darken in small steps until text in this colour reads on white (and white reads on it) at 4.5:1.
    while (contrast(rgb, WHITE) < 4.6) {
      rgb = rgb.map(function (c) {
        return c * 0.92;
      });
    }
    return { accent: toHex(rgb), onAccent: contrast(rgb, WHITE) >= contrast(rgb, BLACK) ? '#ffffff' : '#000000' };
  }

  function styleOptions(color) {
    var c = colors(color);
    var text = '#1a1a1a';
    var subtle = '#595959'; // 7:1 on white
    return {
      accent: c.accent,
      subtle: subtle,
      backgroundColor: '#ffffff',
      primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
      paddingRegular: 10,
      hideUploadButton: true,
      avatarSize: 36,
      botAvatarInitials: 'MB',
      botAvatarBackgroundColor: c.accent,
      showAvatarInGroup: 'sender',

      bubbleBackground: '#f2f4f7',
      bubbleBorderColor: '#d0d5dd',
      bubbleBorderRadius: 12,
      bubbleTextColor: text,
      bubbleMaxWidth: 640,
      bubbleMinWidth: 120,
      bubbleFromUserBackground: c.accent,
      bubbleFromUserBorderColor: c.accent,
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserTextColor: c.onAccent,
      messageActivityWordBreak: 'break-word',

      // Flow: the buttons wrap (and their text wraps, mentorbot.css). Beyond about four rows they scroll, so a list
      // never hides the question; the bot sends at most seven at once ("Flere svar" for the rest).
      suggestedActionLayout: 'flow',
      suggestedActionsFlowMaxHeight: 220,
      suggestedActionHeight: 44,
      suggestedActionBorderRadius: 22,
      suggestedActionBorderWidth: 2,
      suggestedActionBorderColor: c.accent,
      suggestedActionTextColor: c.accent,
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBackgroundColorOnHover: '#eef2f8',
      suggestedActionBackgroundColorOnActive: '#dde5f0',
      suggestedActionKeyboardFocusIndicatorBorderColor: text,
      suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
      suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
      suggestedActionsVisualKeyboardIndicatorColor: text,
      suggestedActionsStackedLayoutButtonTextWrap: true,

      sendBoxHeight: 48,
      sendBoxTextWrap: true,
      sendBoxBorderTop: 'solid 2px #8a8f98',
      sendBoxTextColor: text,
      sendBoxPlaceholderColor: subtle,
      sendBoxButtonColor: c.accent,
      sendBoxButtonKeyboardFocusIndicatorBorderColor: text,
      sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,

      timestampColor: subtle,
      notificationText: subtle,
      transcriptVisualKeyboardIndicatorColor: text,
      transcriptActivityVisualKeyboardIndicatorColor: text,
      transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
      transcriptActivityVisualKeyboardIndicatorWidth: 2,
      transcriptOverlayButtonBackground: 'rgba(0, 0, 0, .8)',
      transcriptOverlayButtonBackgroundOnDisabled: 'rgba(0, 0, 0, .8)',
      // When the bot's replies fill more than the view (a summary, a long answer), the transcript stops scrolling with
      // the first of them at the top, so the person's outcome stays in view instead of the end of the text.
      autoScrollSnapOnPage: true,
      autoScrollSnapOnPageOffset: 0,
      markdownRespectCRLF: true,
      markdownRenderHTML: false,
      maxMessageLength: 1000,
    };
  }

  window.MentorbotTheme = { colors: colors, styleOptions: styleOptions, contrast: contrast, parseHex: parseHex };
})();
