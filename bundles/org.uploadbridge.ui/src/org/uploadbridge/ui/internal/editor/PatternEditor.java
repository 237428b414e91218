package org.uploadbridge.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * The pattern editor: an animated, geometry-aware preview with play/pause/step, the pattern's
 * properties (geometry, wiring, delays) and its validation results. Saves as a native {@code .bin}.
 */
public class PatternEditor extends EditorPart {

    public static final String ID = "org.uploadbridge.ui.editors.pattern";
    public static final String CONTEXT_ID = "org.uploadbridge.ui.contexts.patternEditor";

    private ServiceRef<PatternValidator> validator;
    private Path file;
    private String formatId;
    private Pattern pattern;
    private boolean dirty;
    private PatternPreview preview;
    private Scale frameScale;
    private Button playButton;
    private Label status;
    private PropertiesPanel properties;
    private FindingsTable findings;
    private DeviceLimits limits = DeviceLimits.none();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof PatternEditorInput patternInput)) {
            throw new PartInitException("The pattern editor opens pattern files only, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        LoadedPattern loaded = patternInput.loaded();
        file = loaded.file();
        formatId = loaded.formatId();
        pattern = loaded.pattern();
        setPartName(input.getName());
        setTitleToolTip(file.toString());
    }

    @Override
    public void createPartControl(Composite parent) {
        validator = new ServiceRef<>(PatternValidator.class);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);

        Composite left = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 4).applyTo(left);
        preview = new PatternPreview(left);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).hint(400, 300).applyTo(preview.control());
        createTransport(left);

        SashForm right = new SashForm(sash, SWT.VERTICAL);
        ScrolledComposite scroller = new ScrolledComposite(right, SWT.V_SCROLL | SWT.H_SCROLL);
        properties = new PropertiesPanel(scroller, this::edit, this::limitsChanged);
        scroller.setContent(properties.control());
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.addListener(SWT.Resize, e -> scroller.setMinSize(properties.control().computeSize(SWT.DEFAULT, SWT.DEFAULT)));
        findings = new FindingsTable(right, this::showFrame);
        right.setWeights(62, 38);
        sash.setWeights(55, 45);

        preview.addFrameListener(this::frameShown);
        preview.setPattern(pattern);
        properties.show(pattern, formatId, file);
        revalidate();
        getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
        preview.play();
        updatePlayButton();
    }

    private void createTransport(Composite parent) {
        Button back = new Button(parent, SWT.PUSH);
        back.setText("\u25C0 Prev");
        back.setToolTipText("Previous frame (Ctrl+Left)");
        back.addListener(SWT.Selection, e -> step(-1));
        playButton = new Button(parent, SWT.PUSH);
        playButton.setToolTipText("Play / pause (Space)");
        playButton.addListener(SWT.Selection, e -> togglePlay());
        Button forward = new Button(parent, SWT.PUSH);
        forward.setText("Next \u25B6");
        forward.setToolTipText("Next frame (Ctrl+Right)");
        forward.addListener(SWT.Selection, e -> step(1));
        frameScale = new Scale(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(frameScale);
        frameScale.addListener(SWT.Selection, e -> showFrame(frameScale.getSelection()));
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(status);
        updatePlayButton();
        parent.getDisplay().timerExec(1000, new Runnable() {
            @Override
            public void run() {
                if (!status.isDisposed()) {
                    frameShown(preview.frame());
                    status.getDisplay().timerExec(1000, this);
                }
            }
        });
    }

    public void togglePlay() {
        preview.togglePlay();
        updatePlayButton();
    }

    public void step(int delta) {
        preview.step(delta);
        updatePlayButton();
    }

    public void showFrame(int index) {
        preview.showFrame(index);
        updatePlayButton();
    }

    private void updatePlayButton() {
        playButton.setText(preview.isPlaying() ? "\u23F8 Pause" : "\u25B6 Play");
        playButton.getParent().layout();
    }

    private void frameShown(int index) {
        if (frameScale.isDisposed()) {
            return;
        }
        frameScale.setMaximum(Math.max(1, pattern.frameCount() - 1));
        frameScale.setSelection(index);
        status.setText(String.format("Frame %d/%d \u00B7 %d ms \u00B7 %.0f fps", index + 1, pattern.frameCount(),
                pattern.frameDelayMs(index), preview.measuredFps()));
        properties.frameShown(index);
    }

    /** Replaces the edited pattern (from the properties panel, or a test) and marks the editor dirty. */
    void edit(Pattern edited) {
        pattern = edited;
        preview.setPattern(edited);
        dirty = true;
        firePropertyChange(PROP_DIRTY);
        revalidate();
    }

    private void limitsChanged(DeviceLimits newLimits) {
        limits = newLimits;
        revalidate();
    }

    private void revalidate() {
        ValidationReport report = validator.get().validate(pattern, limits);
        findings.show(report);
    }

    public PatternPreview preview() {
        return preview;
    }

    public Pattern pattern() {
        return pattern;
    }

    public FindingsTable findings() {
        return findings;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (!"native".equals(formatId)) {
            doSaveAs();
            return;
        }
        saveTo(file);
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.bin", "*.dat" });
        dialog.setFilterPath(file.getParent().toString());
        String name = file.getFileName().toString();
        dialog.setFileName(name.replaceFirst("\\.[^.]*$", "") + ".bin");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            saveTo(Path.of(chosen));
        }
    }

    private void saveTo(Path target) {
        try {
            NativePatternCodec.write(pattern, target);
            file = target;
            formatId = "native";
            dirty = false;
            setPartName(target.getFileName().toString());
            setTitleToolTip(target.toString());
            properties.show(pattern, formatId, file);
            firePropertyChange(PROP_DIRTY);
            ILog.of(PatternEditor.class).info("Saved " + target + " (" + pattern.nativeSize() + " bytes)");
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getSite().getShell(), "Saving " + target.getFileName(), e);
        }
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void setFocus() {
        preview.control().setFocus();
    }

    @Override
    public void dispose() {
        if (validator != null) {
            validator.close();
        }
        super.dispose();
    }
}
