"""Names a screen reader says for the two parts of a panel that ipywidgets draws without one.

ipywidgets 8 draws a slider's handle as a role="slider" with no name (the visible label beside it is tied
to nothing), and the `Image` widget as an <img> with no alt; no widget trait reaches either (in 8.1.9 the
Image's `tooltip` even breaks its view). So a small script, shown once with each panel, names them in the
page: each handle after its slider's label, each picture as the picture whose words follow it (the frame's
point, computed from it, is in the panel right after the picture, and the longer words under it when the
"Picture in words" button is down: helpers/pictures/words.py). The alt itself stays short and fixed, so a
screen reader hears the frame's point once, in the words. In Colab,
which shows each output in a frame of its own, the script runs in the frame of its panel's output.

Where scripts do not run (an untrusted notebook, a viewer), the panel still has its words and labels;
only these two names are missing.
"""
import json

from IPython.display import Javascript

ALT = "The panel's picture: what it shows is said in words just after it."

# Runs at most once a frame (requestAnimationFrame), after any change under the page's body: handles are
# made again when a slider's range changes, and panels appear as cells run. It sets an attribute only when
# it differs, so its own changes start nothing.
SCRIPT = """
(() => {
  if (window.backpropLabNames) return;
  const alt = %s;
  const set = (el, name, value) => { if (value && el.getAttribute(name) !== value) el.setAttribute(name, value); };
  const name = () => {
    document.querySelectorAll('.backprop-panel').forEach(panel => {
      panel.querySelectorAll('.widget-slider, .widget-hslider').forEach(slider => {
        const label = slider.querySelector('label.widget-label');
        slider.querySelectorAll('.noUi-handle, .ui-slider-handle').forEach(
          handle => set(handle, 'aria-label', label && label.textContent.trim()));
      });
      panel.querySelectorAll('img.panel-image, .panel-image img').forEach(img => set(img, 'alt', alt));
    });
  };
  let queued = false;
  window.backpropLabNames = new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; name(); }); }
  });
  window.backpropLabNames.observe(document.body, {childList: true, subtree: true});
  name();
})();
""" % json.dumps(ALT)


def script() -> Javascript:
    """The script, as an output to show after a panel's widget."""
    return Javascript(SCRIPT)
