import {
  AccessibilityMenu,
  DefaultMainMenu,
  EditSubmenu,
  ExportFileContentSubMenu,
  ExtrasGroup,
  InputModeMenu,
  KeyboardShortcutsMenuItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  ToggleDebugModeItem,
  ToggleDynamicSizeModeItem,
  ToggleEdgeScrollingItem,
  ToggleFocusModeItem,
  ToggleGridItem,
  TogglePasteAtCursorItem,
  ToggleSnapModeItem,
  ToggleToolLockItem,
  ToggleWrapModeItem,
  ViewSubmenu,
} from 'tldraw';

/**
 * tldraw's main menu without its language and colour-scheme menus: the app has one
 * language switch and one theme switch, and the board follows both (CanvasPage sets
 * tldraw's preferences from them). A second switch here would disagree with the app's.
 */
export function CanvasMainMenu() {
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <ExportFileContentSubMenu />
        <ExtrasGroup />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="preferences">
        <TldrawUiMenuSubmenu id="preferences" label="menu.preferences">
          <TldrawUiMenuGroup id="preferences-actions">
            <ToggleSnapModeItem />
            <ToggleToolLockItem />
            <ToggleGridItem />
            <ToggleWrapModeItem />
            <ToggleFocusModeItem />
            <ToggleEdgeScrollingItem />
            <ToggleDynamicSizeModeItem />
            <TogglePasteAtCursorItem />
            <ToggleDebugModeItem />
          </TldrawUiMenuGroup>
          <TldrawUiMenuGroup id="user-interface-submenus">
            <AccessibilityMenu />
            <InputModeMenu />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <KeyboardShortcutsMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  );
}
