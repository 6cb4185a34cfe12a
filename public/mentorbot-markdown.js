/*
 * What Web Chat's minimal bundle leaves to the page: Markdown and cards.
 * window.MentorbotMarkdown.render(markdown) renders the bot's Markdown with markdown-it (loaded before this file, from
 * /webchat/markdown-it.min.js): no HTML passes through (the bot escapes what people wrote, and markdown-it with
 * html: false writes tags as text), links only to http(s), mailto: and tel:, web links open in a new tab.
 * .attachmentMiddleware() shows a hero card (the contact card: title, text, call and link buttons) as Markdown, since
 * the minimal bundle has no card renderer: the buttons become links, "Ring ..." a tel: link.
 * .danishTimes(root) rewrites Web Chat's 12-hour times in its screen-reader texts ("kl. 5.42 PM") as Danish 24-hour
 * times ("kl. 17.42"): Web Chat formats them with an hour-12 skeleton whatever the locale.
 */
(function () {
  'use strict';

  var SAFE = /^(https?:|mailto:|tel:)/i;
  var WEB = /^https?:/i;
  var md = null;

  function renderer() {
    if (md) return md;
    md = window.markdownit({ html: false, linkify: false, breaks: false, typographer: false });
    md.validateLink = function (url) {
      return SAFE.test(String(url).trim());
    };
    var open =
      md.renderer.rules.link_open ||
      function (tokens, idx, options, env, self) {
        return self.renderToken(tokens, idx, options);
      };
    md.renderer.rules.link_open = function (tokens, idx, options, env, self) {
      if (WEB.test(tokens[idx].attrGet('href') || '')) {
        tokens[idx].attrSet('target', '_blank');
        tokens[idx].attrSet('rel', 'noopener noreferrer');
      }
      return open(tokens, idx, options, env, self);
    };
    return md;
  }

  function render(markdown) {
    return renderer().render(String(markdown || ''));
  }

  /** Markdown characters in a card's own text are kept as they are; only the link labels are escaped. */
  function label(text) {
    return String(text || '').replace(/[\\[\]()*_`]/g, '\\$&');
  }

  function heroAsMarkdown(card) {
    var parts = [];
    if (card.title) parts.push('**' + label(card.title) + '**');
    if (card.text) parts.push(String(card.text));
    var links = (card.buttons || [])
      .filter(function (b) {
        return (b.type === 'call' || b.type === 'openUrl') && typeof b.value === 'string' && SAFE.test(b.value);
      })
      .map(function (b) {
        return '[' + label(b.title || b.value) + '](' + b.value + ')';
      });
    if (links.length) parts.push(links.join(' · '));
    return parts.join('\n\n');
  }

  var HERO = 'application/vnd.microsoft.card.hero';

  function attachmentMiddleware() {
    return function (next) {
      return function (args) {
        var attachment = args && args.attachment;
        if (attachment && attachment.contentType === HERO && attachment.content) {
          var rest = Array.prototype.slice.call(arguments, 1);
          var asText = Object.assign({}, args, {
            attachment: { contentType: 'text/markdown', content: heroAsMarkdown(attachment.content) },
          });
          return next.apply(null, [asText].concat(rest));
        }
        return next.apply(null, arguments);
      };
    };
  }

  var TWELVE_HOUR = /\b(\d{1,2})[.:](\d{2})\s?(AM|PM)\b/g;

  function twentyFour(text) {
    return text.replace(TWELVE_HOUR, function (_m, h, m, half) {
      var hour = (Number(h) % 12) + (half === 'PM' ? 12 : 0);
      return (hour < 10 ? '0' : '') + hour + '.' + m;
    });
  }

  function fix(node) {
    if (node.nodeType === 3) {
      if (TWELVE_HOUR.test(node.nodeValue)) node.nodeValue = twentyFour(node.nodeValue);
      TWELVE_HOUR.lastIndex = 0;
      return;
    }
    if (node.nodeType !== 1) return;
    var label = node.getAttribute('aria-label');
    if (label && TWELVE_HOUR.test(label)) node.setAttribute('aria-label', twentyFour(label));
    TWELVE_HOUR.lastIndex = 0;
    for (var child = node.firstChild; child; child = child.nextSibling) fix(child);
  }

  function danishTimes(root) {
    fix(root);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        if (m.type === 'attributes' || m.type === 'characterData') fix(m.target);
        else Array.prototype.forEach.call(m.addedNodes, fix);
      });
    }).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  }

  window.MentorbotMarkdown = {
    render: render,
    attachmentMiddleware: attachmentMiddleware,
    danishTimes: danishTimes,
    heroAsMarkdown: heroAsMarkdown,
  };
})();
