#!/usr/bin/python3
# test-studio-browser.py: the studio's page in a real headless Chromium,
# driven by Selenium as a user would use it: type the copy and see the
# preview change, read the layout's description, find the line of an error,
# make a banner and read its count of sheets, drop a CSV file for a batch,
# download the PDF and print it two-sided, and read the page in French.
#
# Run by meson under tests/print/run-print-tests.sh (a private cupsd with the
# queues roneo-duplex, roneo-broken...; RONEO_PRINT_OUT_DIR names the folder
# of their output files).
#
# usage: test-studio-browser.py RONEO-BINARY SHOTS-DIR
# Needs Debian's chromium, chromium-driver and python3-selenium; fails (never
# skips) when one is missing. A screenshot of each step goes to SHOTS-DIR.
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

CHROMIUM = '/usr/bin/chromium'
CHROMEDRIVER = '/usr/bin/chromedriver'

try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    sys.exit('FAIL: python3-selenium is missing: apt-get install python3-selenium '
             '(run with /usr/bin/python3, Debian\'s)')
for tool in (CHROMIUM, CHROMEDRIVER):
    if not os.access(tool, os.X_OK):
        sys.exit('FAIL: %s is missing: apt-get install chromium chromium-driver' % tool)
for tool in ('pdfinfo', 'pdftotext'):
    if shutil.which(tool) is None:
        sys.exit('FAIL: %s is missing: apt-get install poppler-utils' % tool)

if 'CUPS_SERVER' not in os.environ or 'RONEO_PRINT_OUT_DIR' not in os.environ:
    sys.exit('FAIL: run through tests/print/run-print-tests.sh, which starts the private cupsd')
roneo, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
for old in glob.glob(os.path.join(shots, '*.png')):
    os.remove(old)
work = tempfile.mkdtemp(prefix='roneo-browser-')
folder = os.path.join(work, 'folder')
downloads = os.path.join(work, 'downloads')
os.makedirs(folder)
os.makedirs(downloads)

TRACT_RV = ('# Sauvons nos guichets\n\nLe bureau de poste du quartier ferme le samedi matin.\n\n'
            '***\n\n## Ce que nous demandons\n\n- la réouverture le samedi\n- un guichet de plus\n\n'
            '-- Comité de quartier, 12 rue Haute\n')


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


# --- the studio --------------------------------------------------------------

studio_log = os.path.join(work, 'studio.log')


def studio_said(log_path=None):
    with open(log_path or studio_log, errors='replace') as f:
        return f.read()[-4000:]


def start_studio(log_path=None):
    with open(log_path or studio_log, 'w') as log:
        process = subprocess.Popen([roneo, 'studio', '--no-open', '--port', '0', '--dir', folder],
                                   stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith('http://'):
        process.kill()
        raise Failure('the studio gave no address: %r %s' % (line, studio_said(log_path)))
    return process, line


def stop_studio(process):
    """SIGTERM, as the user's Ctrl-C: the studio ends cleanly (exit 0), or says why not."""
    process.terminate()
    try:
        status = process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise Failure('the studio did not stop within 20 s of SIGTERM') from None
    if status != 0:
        raise Failure('the studio stopped with status %d:\n%s' % (status, studio_said()))


def api_get(url, path):
    base, token = url.split('/?token=')
    request = urllib.request.Request(base + path, headers={'Authorization': 'Bearer ' + token})
    with urllib.request.urlopen(request, timeout=20) as answer:
        return json.loads(answer.read())


# --- the browser -------------------------------------------------------------

def new_browser(lang):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                '--window-size=1280,800', '--lang=' + lang, '--hide-scrollbars=false'):
        options.add_argument(arg)
    options.add_experimental_option('prefs', {
        'intl.accept_languages': lang,
        'download.default_directory': downloads,
        'download.prompt_for_download': False,
    })
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # the page as a 1280x800 screen shows it
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                           {'width': 1280, 'height': 800, 'deviceScaleFactor': 1, 'mobile': False})
    driver.execute_cdp_cmd('Page.setDownloadBehavior',
                           {'behavior': 'allow', 'downloadPath': downloads})
    return driver


shot_number = [0]


def shot(driver, name):
    shot_number[0] += 1
    path = os.path.join(shots, '%02d-%s.png' % (shot_number[0], name))
    driver.save_screenshot(path)
    return path


def wait(driver, condition, what, timeout=30):
    try:
        # a render replaces the elements it fills: one read mid-way is tried again
        return WebDriverWait(driver, timeout, poll_frequency=0.1,
                             ignored_exceptions=[StaleElementReferenceException]).until(
                                 lambda d: condition(d))
    except TimeoutException:
        said = what() if callable(what) else what  # what the page shows at the end
        raise Failure('waited %d s for %s' % (timeout, said)) from None


def by_id(driver, name):
    return driver.find_element(By.ID, name)


def generation(driver):
    return int(by_id(driver, 'preview').get_attribute('data-generation'))


def first_image(driver):
    """The pixels of the first preview image (a PNG data URL), or None."""
    return driver.execute_script('''
        const img = document.querySelector('#preview img');
        if (!img || !img.complete || !img.naturalWidth) return null;
        const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        c.getContext('2d').drawImage(img, 0, 0);
        return c.toDataURL();''')


def images_loaded(driver):
    """How many preview images there are, once all have loaded (else 0)."""
    return driver.execute_script('''
        const all = [...document.querySelectorAll('#preview img')];
        return all.every((i) => i.complete && i.naturalWidth > 0) ? all.length : 0;''')


def set_copy(driver, text):
    """Puts text in the editor as a paste would (one input event)."""
    driver.execute_script('''const t = document.getElementById('copy');
        t.value = arguments[0]; t.dispatchEvent(new Event('input'));''', text)


def wait_render(driver, before, what):
    wait(driver, lambda d: generation(d) > before and first_image(d) is not None, what)


def settled(driver):
    """No render under way or waiting for the typing to stop."""
    return driver.execute_script('''const p = document.getElementById('preview');
        return !p.classList.contains('busy') && !p.dataset.pending;''')


def status(driver):
    return by_id(driver, 'status').text


def retype(driver, name, text):
    field = by_id(driver, name)
    field.clear()
    field.send_keys(text)


# --- the steps ---------------------------------------------------------------

def step_typing(driver, url):
    driver.get(url)
    wait_render(driver, 0, 'the first preview')
    check('1 page' in status(driver), 'a one-page tract says "1 page": %r' % status(driver))
    shot(driver, 'start')
    before_pixels, before = first_image(driver), generation(driver)
    editor = by_id(driver, 'copy')
    editor.click()
    editor.send_keys('\nNous demandons sa réouverture le samedi, de 9 h à midi.')
    wait(driver, lambda d: generation(d) > before and first_image(d) not in (None, before_pixels),
         'the preview to change after typing')
    check('réouverture' in editor.get_attribute('value'), 'the typed words are in the editor')
    shot(driver, 'typed')


def watch_fetches(driver):
    """Records each request the page makes from now on, with its AbortSignal."""
    driver.execute_script('''
        window.seen = [];
        if (!window.realFetch) window.realFetch = window.fetch;
        window.fetch = (path, options = {}) => {
          window.seen.push({ path: String(path), signal: options.signal });
          return window.realFetch(path, options);
        };''')


def checks_seen(driver):
    return driver.execute_script(
        "return window.seen.filter((e) => e.path.startsWith('/api/check')).map((e) => e.signal.aborted);")


def step_debounce_abort(driver, url):
    watch_fetches(driver)
    before = generation(driver)
    by_id(driver, 'copy').send_keys(' Venez nombreux.')
    wait_render(driver, before, 'the preview after a burst of typing')
    time.sleep(0.5)
    checks = checks_seen(driver)
    # one check, give or take a pause of the machine between two keys
    check(1 <= len(checks) <= 3, '16 keys typed in a row make one check, not one a key: %d' % len(checks))
    # a render started while one is under way aborts it
    watch_fetches(driver)
    before = generation(driver)
    driver.execute_script('render(); render();')
    wait_render(driver, before, 'the preview after two renders')
    checks = checks_seen(driver)
    check(len(checks) == 2 and checks[0] and not checks[1],
          'the first of two renders is aborted (aborted: %r)' % checks)


def step_layout(driver, url):
    described = {l['name']: l['description'] for l in api_get(url, '/api/layouts')['layouts']}
    before = generation(driver)
    Select(by_id(driver, 'layout')).select_by_value('a4-tract')
    wait(driver, lambda d: by_id(d, 'layout-desc').text == described['a4-tract'],
         'the description of a4-tract (%r) under the picker' % described['a4-tract'])
    wait_render(driver, before, 'the preview in a4-tract')
    shot(driver, 'layout-a4-tract')
    before = generation(driver)
    Select(by_id(driver, 'layout')).select_by_value('')
    wait_render(driver, before, 'the preview in the copy\'s layout')
    named = Select(by_id(driver, 'layout')).first_selected_option.text
    check(named == 'as the copy says (a5-flyer)', 'the empty choice names the layout used: %r' % named)
    check(by_id(driver, 'layout-desc').text == described['a5-flyer'], 'and describes it')
    language = Select(by_id(driver, 'lang')).first_selected_option.text
    check(language == 'as the copy says (français)', 'the language picker says %r' % language)


def step_error_line(driver, url):
    set_copy(driver, '---\ntitle: Guichets\nfoo: bar\n---\n# Sauvons nos guichets\n\nLe samedi.\n')
    wait(driver, lambda d: [li for li in d.find_elements(By.CSS_SELECTOR, '#warnings li.error')
                            if 'line 3: ' in li.text], 'a problem at "line 3"')
    time.sleep(0.3)  # no render under way: the list stays as it is
    item = driver.find_element(By.CSS_SELECTOR, '#warnings li.error')
    check('line 3: ' in item.text and 'foo' in item.text, 'the problem names the key: %r' % item.text)
    banner = by_id(driver, 'problem')
    check(banner.is_displayed() and 'Error at line 3' in banner.text,
          'a visible "Error at line 3" message: %r' % banner.text)
    marked = driver.execute_script(
        "const m = document.querySelector('#backdrop mark'); return m ? m.textContent : null;")
    check(marked == 'foo: bar', 'line 3 marked beside the text: %r' % marked)
    item.click()
    selected = driver.execute_script('''const t = document.getElementById('copy');
        return [t.value.slice(t.selectionStart, t.selectionEnd), document.activeElement === t];''')
    check(selected == ['foo: bar', True], 'clicking the problem selects line 3: %r' % selected)
    shot(driver, 'error-line-3')
    before = generation(driver)
    # English: the German hyphenation patterns take 3 s to load (12 s under ASan)
    set_copy(driver, '---\ntitle: Guichets\nlang: en\n---\n# Save our counters\n\nOn Saturdays.\n')
    wait_render(driver, before, 'the preview once the error is fixed')
    check(not by_id(driver, 'problem').is_displayed(), 'the error message goes once fixed')
    language = Select(by_id(driver, 'lang')).first_selected_option.text
    check(language == 'as the copy says (English)', 'lang: en in the copy: %r' % language)


def cli_sheets(size):
    """A banner's sheets as `roneo banner` counts them: its PDF's pages but the cover."""
    slogan = os.path.join(work, 'slogan.txt')
    with open(slogan, 'w') as f:
        f.write('Ça coûte cher\n')
    pdf = os.path.join(work, 'slogan-%s.pdf' % size)
    subprocess.run([roneo, 'banner', slogan, '--size', size, '-o', pdf, '-q'], check=True)
    return pdf_pages(pdf) - 1


def step_banner(driver, url):
    by_id(driver, 'tab-banner').click()
    check(by_id(driver, 'tab-banner').get_attribute('aria-selected') == 'true', 'the banner tab shown')
    check(by_id(driver, 'size').is_displayed() and by_id(driver, 'margin').is_displayed(),
          'the size and printer margins fields show for a banner')
    # from another size, so that the count read is the one of the size typed
    retype(driver, 'size', '100x50cm')
    wait(driver, lambda d: settled(d) and status(d) != '54 sheets, 4 rows', 'the count for 100x50cm')
    before = generation(driver)
    retype(driver, 'size', '300x90cm')
    wait(driver, lambda d: settled(d) and generation(d) > before and status(d) == '54 sheets, 4 rows',
         lambda: '"54 sheets, 4 rows" (the page says %r)' % status(driver))
    check(cli_sheets('300x90cm') == 54, 'roneo banner makes 54 sheets of 300x90cm too')
    wait(driver, lambda d: images_loaded(d) == 2, 'the banner and its cover in the preview')
    shot(driver, 'banner-300x90')
    before = generation(driver)
    retype(driver, 'size', '200x60cm')
    wanted = '%u sheets, 3 rows' % cli_sheets('200x60cm')
    wait(driver, lambda d: settled(d) and generation(d) > before and status(d) == wanted,
         lambda: '%r for 200x60cm (the page says %r)' % (wanted, status(driver)))
    shot(driver, 'banner-200x60')


def drop_csv(driver, name, text):
    driver.execute_script('''
        const data = new DataTransfer();
        data.items.add(new File([arguments[1]], arguments[0], { type: 'text/csv' }));
        const zone = document.getElementById('drop');
        for (const type of ['dragenter', 'dragover', 'drop'])
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        ''', name, text)


def step_batch(driver, url):
    by_id(driver, 'tab-batch').click()
    check(by_id(driver, 'drop').is_displayed(), 'the drop zone shows for a batch')
    set_copy(driver, '# Rendez-vous à {ville}\n\nPlace {lieu}, samedi à 10 h.\n')
    before = generation(driver)
    drop_csv(driver, 'villes.csv', 'ville,lieu\nLyon,Bellecour\nLille,de la République\n')
    chips = wait(driver, lambda d: [c.text for c in d.find_elements(By.CSS_SELECTOR, '#fields .chip')]
                 or None, 'the field chips')
    check(chips == ['ville', 'lieu'], 'the chips are the CSV file\'s fields: %r' % chips)
    check('villes.csv' in by_id(driver, 'drop').text, 'the drop zone names the file')
    wait_render(driver, before, 'the batch\'s first sheets')
    shot(driver, 'batch-csv')


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return int([l for l in info.splitlines() if l.startswith('Pages:')][0].split()[1])


def step_download(driver, url):
    by_id(driver, 'tab-flyer').click()
    before = generation(driver)
    set_copy(driver, TRACT_RV)
    wait(driver, lambda d: generation(d) > before and status(d) == '2 pages', 'a two-page tract')
    by_id(driver, 'download').click()
    pdf = os.path.join(downloads, 'tract.pdf')
    wait(driver, lambda d: os.path.exists(pdf) and not glob.glob(downloads + '/*.crdownload'),
         'tract.pdf in the download folder')
    check(pdf_pages(pdf) == 2, 'the downloaded PDF has 2 pages')
    text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True, check=True).stdout
    check('guichets' in text.lower() and 'réouverture' in text, 'the PDF has the copy\'s words')
    shot(driver, 'downloaded')


def step_save(driver, url):
    retype(driver, 'name', 'guichets.md')
    by_id(driver, 'save').click()
    wait(driver, lambda d: by_id(d, 'saved').text == 'Saved', '"Saved" beside the button')
    with open(os.path.join(folder, 'guichets.md'), encoding='utf-8') as f:
        check(f.read() == TRACT_RV, 'the file saved in the folder is the copy')
    wait(driver, lambda d: 'guichets.md' in [o.get_attribute('value') for o in
                                             Select(by_id(d, 'files')).options],
         'the saved file among the folder\'s files')


def step_print(driver, url):
    printer = Select(by_id(driver, 'printer'))
    queues = [o.get_attribute('value') for o in printer.options]
    check('roneo-duplex' in queues, 'the test queues are listed: %r' % queues)
    chosen = printer.first_selected_option.get_attribute('value')
    check('broken' not in chosen, 'a broken queue is not picked by default: %r' % chosen)
    device = os.path.join(os.environ['RONEO_PRINT_OUT_DIR'], 'roneo-duplex.prn')
    open(device, 'w').close()
    printer.select_by_value('roneo-duplex')
    retype(driver, 'print-copies', '4')
    if not by_id(driver, 'two-sided').is_selected():
        by_id(driver, 'two-sided').click()
    by_id(driver, 'print').click()
    seen = set()

    def final(d):
        seen.add(by_id(d, 'print-state').text)
        return by_id(d, 'print-state').text in ('Printed',) or by_id(d, 'print-state').text.startswith(
            'Not printed')
    wait(driver, final, 'the print job to end', timeout=90)
    check(by_id(driver, 'print-state').text == 'Printed', 'printed: %r' % by_id(driver, 'print-state').text)
    check(seen & {'Preparing the job…', 'Waiting for the printer…', 'Printing…'},
          'the job\'s progress said in words: %r' % seen)
    with open(device, 'rb') as f:
        check(b'@PJL SET DUPLEX=ON' in f.read(), 'the job reached the printer two-sided')
    shot(driver, 'printed')


def step_broken_printer(driver, url):
    Select(by_id(driver, 'printer')).select_by_value('roneo-broken')
    by_id(driver, 'print').click()
    wait(driver, lambda d: by_id(d, 'print-state').text.startswith('Not printed: '),
         'a broken printer said "Not printed: REASON"', timeout=90)
    check('roneo-broken' in by_id(driver, 'print-state').text, 'the reason names the queue')
    shot(driver, 'print-failed')


def french_description(layout):
    """description[fr] of layouts/LAYOUT.ini."""
    path = os.path.join(os.environ['RONEO_SOURCE_ROOT'], 'layouts', layout + '.ini')
    with open(path, encoding='utf-8') as f:
        return [l.split('=', 1)[1].strip() for l in f if l.startswith('description[fr]')][0]


def step_french(url):
    # the server's default queue is the one picked (lpadmin -d on the test's own cupsd)
    subprocess.run(['lpadmin', '-d', 'roneo-duplex'], check=True)
    driver = new_browser('fr')
    try:
        driver.get(url)
        wait_render(driver, 0, 'the first preview in French')
        chosen = Select(by_id(driver, 'printer')).first_selected_option.get_attribute('value')
        check(chosen == 'roneo-duplex', 'the CUPS default queue picked: %r' % chosen)
        check(by_id(driver, 'download').text == 'Télécharger le PDF',
              'the download button in French: %r' % by_id(driver, 'download').text)
        check(status(driver) == '1 page', 'the count in French: %r' % status(driver))
        language = Select(by_id(driver, 'lang')).first_selected_option.text
        check(language == 'comme le dit le texte (français)', 'the language picker in French: %r' % language)
        check(by_id(driver, 'tab-banner').text == 'Banderole', 'the banner tab in French')
        wanted = french_description('a5-flyer').replace('\u00a0', ' ')  # .text gives spaces
        check(by_id(driver, 'layout-desc').text == wanted,
              'the layout described in French (%r): %r' % (wanted, by_id(driver, 'layout-desc').text))
        set_copy(driver, '---\nfoo: bar\n---\n# Titre\n')
        wait(driver, lambda d: 'Erreur à la ligne 2' in by_id(d, 'problem').text,
             lambda: 'the error in French (%r)' % by_id(driver, 'problem').text)
        shot(driver, 'french')
        by_id(driver, 'tab-banner').click()
        wait(driver, lambda d: d.find_element(By.ID, 'status').text == '54 feuilles, 4 rangées',
             lambda: 'the banner\'s count in French (%r)' % status(driver))
        wait(driver, lambda d: images_loaded(d) == 2, 'the banner and its cover in the preview')
        shot(driver, 'french-banner')
    finally:
        driver.quit()


def step_stop_button():
    """A studio of its own: its page's Stop button, confirmed, ends it (exit 0) and says so."""
    log_path = studio_log + '.stop'
    studio, url = start_studio(log_path)
    driver = new_browser('en-US')
    try:
        driver.get(url)
        wait_render(driver, 0, 'the first preview')
        by_id(driver, 'stop').click()
        alert = WebDriverWait(driver, 10).until(expected_conditions.alert_is_present())
        check('Save your copy first' in alert.text, 'the confirmation says to save: %r' % alert.text)
        alert.accept()
        wait(driver, lambda d: d.find_elements(By.ID, 'stopped'), 'the page saying the studio is stopped')
        said = by_id(driver, 'stopped').text
        check(said == 'The studio is stopped: you can close this tab.', 'the stopped page: %r' % said)
        shot(driver, 'stopped')
        try:
            status = studio.wait(timeout=20)
        except subprocess.TimeoutExpired:
            raise Failure('the studio still runs 20 s after its Stop button') from None
        check(status == 0, 'the studio stopped by its button exits 0, not %d:\n%s'
              % (status, studio_said(log_path)))
    finally:
        driver.quit()
        if studio.poll() is None:
            studio.kill()
            studio.wait()


def run_alone(number, step, *args):
    """One step, its result said as TAP; 1 when it failed."""
    try:
        step(*args)
        print('ok %d - %s' % (number, step.__name__))
        return 0
    except Exception as e:
        print('not ok %d - %s: %s' % (number, step.__name__, e))
        if not isinstance(e, Failure):
            traceback.print_exc()
        return 1


def main():
    studio, url = start_studio()
    failed = 0
    try:
        driver = new_browser('en-US')
        steps = [step_typing, step_debounce_abort, step_layout, step_error_line, step_banner, step_batch, step_download,
                 step_save, step_print, step_broken_printer]
        try:
            for n, step in enumerate(steps, 1):
                try:
                    step(driver, url)
                    print('ok %d - %s' % (n, step.__name__))
                except Exception as e:
                    failed += 1
                    shot(driver, step.__name__ + '-FAILED')
                    print('not ok %d - %s: %s' % (n, step.__name__, e))
                    if not isinstance(e, Failure):
                        traceback.print_exc()
                    break
        finally:
            driver.quit()
        # the steps with a browser (or a studio) of their own
        for n, (step, args) in enumerate([(step_french, (url,)), (step_stop_button, ())], len(steps) + 1):
            if not failed:
                failed += run_alone(n, step, *args)
    finally:
        try:
            stop_studio(studio)
            print('ok - the studio stopped cleanly')
        except Failure as e:
            failed += 1
            print('not ok - stopping the studio: %s' % e)
        shutil.rmtree(work, ignore_errors=True)
    print('screenshots in', shots)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
