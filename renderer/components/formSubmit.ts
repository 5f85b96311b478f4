import { createContext, useContext } from 'react';

/** Saves the form around a field (the filing forms' 保存), for a field's own "save anyway" confirmation. */
export const FormSubmitContext = createContext<(() => void) | null>(null);

export const useFormSubmit = () => useContext(FormSubmitContext);
