// English for the read-only area's confirmations (a platform role's raise, a group binding's removal). Spread into `en`.
export const readonlyEn = {
  "readonly.thePlatform": "the platform",
  "readonly.unbindTitle": "Remove the binding of group {group}?",
  "readonly.unbindBody": "Users of group {group} who hold {role} in {where} through this binding lose it now, and signing in through {provider} no longer gives it.",
  "readonly.unbindConfirm": "Remove binding",
  "readonly.removing": "Removing…",
};
