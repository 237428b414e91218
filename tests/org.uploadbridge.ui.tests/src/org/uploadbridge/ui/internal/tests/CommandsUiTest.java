package org.uploadbridge.ui.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workbench's own commands exist, are enabled where they should be, and have their key bindings. */
class CommandsUiTest {

    @ParameterizedTest
    @CsvSource({
            "org.uploadbridge.ui.commands.openPattern, M1+O",
            "org.uploadbridge.ui.commands.addLibraryFolder, M1+M2+A",
            "org.uploadbridge.ui.commands.refreshLibrary, M1+M3+R",
            "org.eclipse.ui.window.quickAccess, M1+3" })
    void commandHasItsKeyBinding(String commandId, String keys) throws ParseException {
        Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(commandId);
        assertTrue(command.isDefined(), commandId + " is defined");
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        TriggerSequence[] triggers = bindings.getActiveBindingsFor(commandId);
        assertNotNull(triggers);
        assertTrue(triggers.length > 0, commandId + " has a key binding");
        assertEquals(KeySequence.getInstance(keys), triggers[0], commandId + " is bound to " + keys);
    }
}
